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

    /// <summary>Citation markers: "[136]", "[5, 57]", "[12–14]".</summary>
    [GeneratedRegex(@"\[\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^\s*(?:of|out\s+of|von|sur)\s+(?:the\s+|den\s+|les\s+)?\d", RegexOptions.IgnoreCase)]
    private static partial Regex PartOf();

    public static IReadOnlyList<NumberMention> Extract(string text) => Extract(text, TextLanguages.Detect(text));

    public static IReadOnlyList<NumberMention> Extract(string text, TextLanguage language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mentions = new List<NumberMention>();
        var pattern = language.UsesDecimalComma() ? SpacedNumberPattern() : NumberPattern();
        var citations = Citation().Matches(text).Select(c => (c.Index, End: c.Index + c.Length)).ToArray();
        foreach (Match m in pattern.Matches(text))
        {
            var numText = m.Groups["num"].Value;
            if (citations.Any(c => m.Index >= c.Index && m.Index < c.End))
            {
                continue;
            }
            if (NumberReading.IsCode(numText) || !NumberReading.TryParse(numText, language, out var value, out var decimals))
            {
                continue;
            }
            double? rangeEnd = null;
            if (m.Groups["num2"].Success)
            {
                if (NumberReading.IsCode(m.Groups["num2"].Value))
                {
                    continue;
                }
                if (NumberReading.TryParse(m.Groups["num2"].Value, language, out var end, out _) && end > value)
                {
                    rangeEnd = end;
                }
            }
            var scale = NumberReading.ScaleOf(m.Groups["scale"].Value);
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
            if (kind is null || (!approximate && scale == 1 && (unit.Length == 0 || word is not null) && rangeEnd is null && NumberReading.IsVersionAfterName(text, m.Index, value, decimals, numText.All(char.IsDigit), unit.Length > 0, language)))
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
