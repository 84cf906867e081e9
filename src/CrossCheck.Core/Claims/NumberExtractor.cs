using System.Globalization;
using System.Text.RegularExpressions;

namespace CrossCheck.Claims;

/// <summary>
/// Finds numbers with their units, scale and kind in text, in the forms people write them in
/// English, German and French: "1,234.5", "1.234,5", "1 234,5" (space or thin-space groups),
/// "71,4 %", "about 5.6k", "4 to 16", "0 of 16 participants". Product names with a version
/// ("Grok 4.1", "GPT-5.2", "Halcyon-3"), zero-padded codes ("0901") and numbers inside dates
/// written with slashes or colons are names, not numbers to check.
/// </summary>
public static partial class NumberExtractor
{
    private const string Before = @"(?<![\p{L}\d.,@$€£/:_\u2011-])";
    private const string Approx = @"(?<approx>~|≈|(?:about|around|approximately|roughly|nearly|almost|over|more\s+than|less\s+than|fewer\s+than|under|up\s+to|some|etwa|rund|ungefähr|circa|ca\.|knapp|über|mehr\s+als|weniger\s+als|bis\s+zu|environ|près\s+de|presque|plus\s+de|moins\s+de|jusqu'à|quelque)\s+)?";
    private const string Pre = @"(?<pre>pass@|US\$|\$|€|£|(?:USD|EUR|GBP)\s?)?";
    private const string Grouped = @"\d{1,3}(?:[,.\u00A0\u202F\u2009']\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?";
    private const string GroupedSpaced = @"\d{1,3}(?:[ ,.\u00A0\u202F\u2009']\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?";
    private const string NumberEnd = @"(?![.,]?\d|/\d|:\d)";
    private const string RangeSep = @"(?<rsep>\s*(?:-|–|—|\bto\b|\bbis\b|\bà\b|\buntil\b)\s*)";
    private const string Scale = @"(?<scale>(?-i:[kKMB]|bn)(?![\p{L}\d])|\s(?:thousand|million|billion|trillion|Tausend|Mio\.|Millionen|Million|Mrd\.|Milliarden|Milliarde|millions|milliards|milliard)(?![\p{L}]))?";
    private const string Unit = @"(?<unit>[ \u00A0\u202F\u2009]?%|\s+(?:percent|per\s+cent|Prozent|pour\s?cent)\b|\s?[x×](?![\p{L}\d])|-fold\b|\s+times\b|-?fach\b|\s+fois\b|[ \u00A0\u202F]?(?:€|EUR|USD|dollars?|euros?)(?![\p{L}])|(?:-|\s)(?<word>\p{L}[\p{L}-]*))?";

    [GeneratedRegex(Before + Approx + Pre + "(?<num>" + Grouped + ")" + NumberEnd + "(?:" + RangeSep + "(?<num2>" + Grouped + ")" + NumberEnd + ")?" + Scale + Unit, RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(Before + Approx + Pre + "(?<num>" + GroupedSpaced + ")" + NumberEnd + "(?:" + RangeSep + "(?<num2>" + GroupedSpaced + ")" + NumberEnd + ")?" + Scale + Unit, RegexOptions.IgnoreCase)]
    private static partial Regex SpacedNumberPattern();

    /// <summary>A capitalised word right before the number, not at the start of a sentence: "Grok 4.1", "Table 3".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])(?<name>\p{Lu}[\p{L}\p{Nd}]*)[ \u00A0]$")]
    private static partial Regex NameBefore();

    [GeneratedRegex(@"^\s*(?:of|out\s+of|von|sur)\s+(?:the\s+|den\s+|les\s+)?\d", RegexOptions.IgnoreCase)]
    private static partial Regex PartOf();

    public static IReadOnlyList<NumberMention> Extract(string text) => Extract(text, TextLanguages.Detect(text));

    public static IReadOnlyList<NumberMention> Extract(string text, TextLanguage language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mentions = new List<NumberMention>();
        var pattern = language.UsesDecimalComma() ? SpacedNumberPattern() : NumberPattern();
        foreach (Match m in pattern.Matches(text))
        {
            var numText = m.Groups["num"].Value;
            if (IsCode(numText) || !TryParse(numText, language, out var value, out var decimals))
            {
                continue;
            }
            double? rangeEnd = null;
            if (m.Groups["num2"].Success)
            {
                if (IsCode(m.Groups["num2"].Value))
                {
                    continue;
                }
                if (TryParse(m.Groups["num2"].Value, language, out var end, out _) && end > value)
                {
                    rangeEnd = end;
                }
            }
            var scale = ScaleOf(m.Groups["scale"].Value);
            var word = m.Groups["word"].Success ? m.Groups["word"].Value : null;
            var unit = CanonicalUnit(m.Groups["pre"].Value, m.Groups["unit"].Value, word);
            var end2 = m.Index + m.Length;
            if (unit.Length == 0 && word is not null)
            {
                // The word after the number was not a unit: leave it out of the mention.
                end2 = m.Groups["word"].Index;
            }
            if (m.Groups["num2"].Success && rangeEnd is null)
            {
                // "1999-1995" or "0901-0401" is not a range: keep the first number only.
                end2 = m.Groups["num"].Index + numText.Length;
            }
            var matchText = text[m.Index..end2].TrimEnd(' ', '-', '\u00A0');
            var approximate = m.Groups["approx"].Success;
            var kind = KindOf(unit, m.Groups["pre"].Value, value * scale, decimals, numText, text, m.Index, end2, word);
            if (kind is null || (!approximate && scale == 1 && (unit.Length == 0 || word is not null) && rangeEnd is null && IsVersionAfterName(text, m.Index, value, decimals, numText.All(char.IsDigit))))
            {
                continue;
            }
            if (kind == NumberKind.Date)
            {
                unit = "";
            }
            mentions.Add(new NumberMention(matchText, value * scale, unit, approximate, decimals, rangeEnd * scale, m.Index)
            {
                Kind = kind.Value,
                Resolution = Math.Pow(10, -decimals) * scale,
                IsPart = PartOf().IsMatch(text[(m.Groups["num"].Index + numText.Length)..]),
            });
        }
        for (var i = 0; i + 1 < mentions.Count; i++)
        {
            if (mentions[i].IsPart && mentions[i].Unit.Length == 0)
            {
                // "0 of 16 participants" counts participants too.
                mentions[i] = mentions[i] with { Unit = mentions[i + 1].Unit };
            }
        }
        return mentions;
    }

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
    private static bool IsCode(string num) => num.Length > 1 && num[0] == '0' && char.IsDigit(num[1]);

    private static double ScaleOf(string scale)
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

    private static NumberKind? KindOf(string unit, string prefix, double value, int decimals, string numText, string text, int start, int end, string? word)
    {
        if (unit == "%")
        {
            return NumberKind.Percent;
        }
        if (unit == "x")
        {
            return NumberKind.Multiplier;
        }
        if (unit is "$" or "\u20AC" or "\u00A3")
        {
            return NumberKind.Money;
        }
        if (prefix.Length > 0)
        {
            return NumberKind.Count;
        }
        if ((word is not null && NumberWords.IsMonth(word)) || NumberWords.MonthBefore(text, start) || NumberWords.MonthAfter(text, end))
        {
            return NumberKind.Date;
        }
        var isYear = decimals == 0 && numText.All(char.IsDigit) && value is >= 1800 and <= 2100;
        return isYear && unit.Length == 0 ? NumberKind.Date : NumberKind.Count;
    }

    /// <summary>"Grok 4.1", "Claude 3", "Table 3", "NISTIR 7653": a small number (or any plain number after an acronym) after a capitalised word inside a sentence is part of a name.</summary>
    private static bool IsVersionAfterName(string text, int start, double value, int decimals, bool plainDigits)
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
        if (acronym)
        {
            return plainDigits || value < 1000;
        }
        if (value >= 1000)
        {
            return false;
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

    /// <summary>"%" for percent forms, "x" for multipliers, "pass@" for pass@k, a currency symbol, else the singular word or "".</summary>
    public static string CanonicalUnit(string prefix, string unit, string? word)
    {
        var p = prefix.Trim();
        if (p.Equals("pass@", StringComparison.OrdinalIgnoreCase))
        {
            return "pass@";
        }
        if (p.Length > 0)
        {
            return p.ToUpperInvariant() switch { "US$" or "USD" => "$", "EUR" => "\u20AC", "GBP" => "\u00A3", _ => p };
        }
        var trimmed = unit.Trim(' ', '\u00A0', '\u202F', '\u2009', '-').ToLowerInvariant();
        if (trimmed is "%" or "percent" or "prozent" or "pourcent" || trimmed.StartsWith("per", StringComparison.Ordinal) && trimmed.EndsWith("cent", StringComparison.Ordinal) || trimmed.StartsWith("pour", StringComparison.Ordinal))
        {
            return "%";
        }
        if (trimmed is "x" or "×" or "fold" or "times" or "fach" or "fois")
        {
            return "x";
        }
        if (trimmed is "€" or "eur" or "euro" or "euros")
        {
            return "\u20AC";
        }
        if (trimmed is "usd" or "dollar" or "dollars")
        {
            return "$";
        }
        if (word is null || NumberWords.NotUnits.Contains(word))
        {
            return "";
        }
        var w = word.ToLowerInvariant().TrimEnd('-');
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            w = w[..^1];
        }
        return w;
    }
}
