namespace CrossCheck.Claims;

/// <summary>Words around numbers in English, German and French: months, and words that are never units.</summary>
internal static class NumberWords
{
    private static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
        "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    };

    public static readonly HashSet<string> NotUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "is",
        "was", "were", "are", "be", "been", "that", "this", "these", "those", "it", "its", "than", "which",
        "who", "when", "while", "but", "not", "no", "so", "if", "into", "out", "per", "s", "he", "she",
        "they", "we", "i", "you", "his", "her", "their", "our", "has", "had", "have", "will", "would",
        "could", "can", "may", "might", "also", "after", "before", "during", "between", "among", "about",
        "over", "under", "up", "down", "then", "there", "here", "where", "all", "each", "both", "only",
        "der", "die", "das", "und", "oder", "von", "mit", "im", "auf", "für", "bei", "als", "ist", "sind", "wurde", "aus", "zu", "vor", "nach",
        "et", "de", "des", "du", "la", "le", "les", "en", "sur", "par", "à", "au", "aux", "est", "sont", "ou", "dans", "pour", "avec",
    };

    public static bool IsMonth(string word) => Months.Contains(word.TrimEnd('.'));

    /// <summary>A month name just before the number ("March 21").</summary>
    public static bool MonthBefore(string text, int start)
    {
        var k = start - 1;
        while (k >= 0 && (text[k] == ' ' || text[k] == '\u00A0'))
        {
            k--;
        }
        var end = k + 1;
        while (k >= 0 && char.IsLetter(text[k]))
        {
            k--;
        }
        return end > k + 1 && start - end <= 2 && IsMonth(text[(k + 1)..end]);
    }

    /// <summary>A month name just after the number, maybe after a German ordinal dot ("21. März", "21 mars").</summary>
    public static bool MonthAfter(string text, int end)
    {
        var k = end;
        if (k < text.Length && text[k] == '.')
        {
            k++;
        }
        while (k < text.Length && (text[k] == ' ' || text[k] == '\u00A0'))
        {
            k++;
        }
        var s = k;
        while (k < text.Length && char.IsLetter(text[k]))
        {
            k++;
        }
        return k > s && IsMonth(text[s..k]);
    }
}
