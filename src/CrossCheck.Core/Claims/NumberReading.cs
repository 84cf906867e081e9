using System.Globalization;
using System.Text.RegularExpressions;

namespace CrossCheck.Claims;

/// <summary>How NumberExtractor reads what it matched: separators by language, scale words, codes, and numbers that are part of a name.</summary>
internal static partial class NumberReading
{
    /// <summary>Reads digits with the separators the language uses; a lone separator followed by three digits is a thousands separator in the language that groups with it.</summary>
    public static bool TryParse(string s, TextLanguage language, out double value, out int decimals)
    {
        decimals = 0;
        var lastComma = s.LastIndexOf(',');
        var lastDot = s.LastIndexOf('.');
        var hasSpaceGroups = s.Any(c => c is ' ' or '\u00A0' or '\u202F' or '\u2009' or '\'');
        var decimalAt = -1;
        if (lastComma >= 0 && lastDot >= 0)
        {
            decimalAt = Math.Max(lastComma, lastDot);
        }
        else if (lastComma >= 0 || lastDot >= 0)
        {
            var at = Math.Max(lastComma, lastDot);
            var sep = s[at];
            var count = s.Count(c => c == sep);
            var after = s.Length - at - 1;
            var decimalSep = sep == ',' ? language.UsesDecimalComma() : language != TextLanguage.German;
            decimalAt = count > 1 ? -1
                : after != 3 || hasSpaceGroups || s.StartsWith("0" + sep, StringComparison.Ordinal) ? at
                : decimalSep ? at : -1;
        }
        var digits = new char[s.Length];
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsDigit(s[i]))
            {
                digits[n++] = s[i];
            }
            else if (i == decimalAt)
            {
                digits[n++] = '.';
            }
        }
        if (decimalAt >= 0)
        {
            decimals = s.Length - decimalAt - 1;
        }
        return double.TryParse(digits.AsSpan(0, n), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>"0901": a zero-padded code or date, not a quantity ("0.5" and "0,5" are quantities).</summary>
    public static bool IsCode(string num) => num.Length > 1 && num[0] == '0' && char.IsDigit(num[1]);

    public static double ScaleOf(string scale)
    {
        var s = scale.Trim().TrimEnd('.');
        return s switch
        {
            "" => 1,
            "k" or "K" or "thousand" or "Tausend" or "mille" => 1e3,
            "M" or "million" or "Million" or "Millionen" or "Mio" or "millions" => 1e6,
            "B" or "bn" or "billion" or "Milliarde" or "Milliarden" or "Mrd" or "milliard" or "milliards" => 1e9,
            "trillion" => 1e12,
            _ => 1,
        };
    }

    /// <summary>A capitalised word right before the number, not at the start of a sentence: "Grok 4.1", "Table 3".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])(?<name>\p{Lu}[\p{L}\p{Nd}]*)[ \u00A0]$")]
    private static partial Regex NameBefore();

    /// <summary>Series whose documents are named by an acronym and a number: "SP 800", "NISTIR 7653", "ISO 27001".</summary>
    private static readonly HashSet<string> DocumentSeries = new(StringComparer.Ordinal)
    {
        "SP", "NISTIR", "FIPS", "ISO", "IEC", "RFC", "IEEE", "DIN", "EN", "ANSI", "IR", "ECMA", "ETSI", "CVE", "CWE", "HSPD", "OMB", "GRS",
    };

    /// <summary>"Grok 4.1", "Claude 3", "Table 3", "NISTIR 7653": a small number (or any plain number after an acronym) after a capitalised word inside a sentence is part of a name.</summary>
    public static bool IsVersionAfterName(string text, int start, double value, int decimals, bool plainDigits, bool counts, TextLanguage language)
    {
        if (decimals > 2 || start == 0)
        {
            return false;
        }
        var from = Math.Max(0, start - 40);
        var m = NameBefore().Match(text[from..start]);
        if (!m.Success || NumberWords.IsMonth(m.Groups["name"].Value))
        {
            return false;
        }
        // "NISTIR 7653", "SP 800", "ISO 27001": an acronym followed by plain digits names a document.
        var name = m.Groups["name"].Value;
        var acronym = name.Length >= 2 && name.All(c => char.IsUpper(c) || char.IsDigit(c));
        if (acronym && plainDigits && DocumentSeries.Contains(name))
        {
            return true;
        }
        // A whole number followed by what it counts is a count ("the CMVP 166 certificates"), and
        // German capitalises every noun ("im Durchschnitt 83,28"): there only names that look like names count.
        var looksLikeName = acronym || name.Skip(1).Any(c => char.IsUpper(c) || char.IsDigit(c));
        if (value >= 1000 || (decimals == 0 && counts) || (language == TextLanguage.German && !looksLikeName))
        {
            return false;
        }
        if (acronym)
        {
            return true;
        }
        // At the start of the text or of a sentence a capital says nothing ("In 12 cases").
        var nameStart = from + m.Groups["name"].Index;
        var k = nameStart - 1;
        while (k >= 0 && (char.IsWhiteSpace(text[k]) || text[k] is '"' or '\u201C' or '\u201E' or '\u00AB' or '(' or '*' or '_'))
        {
            k--;
        }
        return k >= 0 && text[k] is not ('.' or '!' or '?' or ':' or '\n');
    }
}
