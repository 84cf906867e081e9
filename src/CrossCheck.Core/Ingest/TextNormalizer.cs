using System.Globalization;
using System.Text;

namespace CrossCheck.Ingest;

/// <summary>
/// The one normalisation used for matching everywhere: NFKC (which also splits ligatures such
/// as "ﬁ"), lower case, curly quotes to straight ones, every dash to '-', ellipsis to "...",
/// soft hyphens and zero-width characters dropped, words hyphenated across a line end joined,
/// and every run of whitespace (non-breaking spaces included) folded to one space.
/// </summary>
public static class TextNormalizer
{
    public static NormalizedText Normalize(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var text = new StringBuilder(original.Length);
        var starts = new List<int>(original.Length);
        var ends = new List<int>(original.Length);
        var pendingSpace = -1;

        void Emit(char c, int start, int end)
        {
            if (pendingSpace >= 0 && text.Length > 0)
            {
                text.Append(' ');
                starts.Add(pendingSpace);
                ends.Add(pendingSpace + 1);
            }
            pendingSpace = -1;
            text.Append(c);
            starts.Add(start);
            ends.Add(end);
        }

        var enumerator = StringInfo.GetTextElementEnumerator(original);
        while (enumerator.MoveNext())
        {
            var element = (string)enumerator.Current;
            var start = enumerator.ElementIndex;
            var end = start + element.Length;

            if (IsLineEndHyphen(original, start, element, out var resume))
            {
                // Skip the hyphen and the line break: the enumerator must jump past them.
                while (enumerator.ElementIndex + ((string)enumerator.Current).Length < resume && enumerator.MoveNext())
                {
                }
                continue;
            }
            if (element.Length == 1 && IsDropped(element[0]))
            {
                continue;
            }
            if (element.All(char.IsWhiteSpace))
            {
                if (pendingSpace < 0)
                {
                    pendingSpace = start;
                }
                continue;
            }
            foreach (var c in FoldElement(element))
            {
                if (char.IsWhiteSpace(c))
                {
                    if (pendingSpace < 0)
                    {
                        pendingSpace = start;
                    }
                    continue;
                }
                Emit(c, start, end);
            }
        }
        return new NormalizedText(original, text.ToString(), [.. starts], [.. ends]);
    }

    /// <summary>Folds a short string (a quote, a query) without keeping the map.</summary>
    public static string Fold(string text) => Normalize(text).Text;

    private static IEnumerable<char> FoldElement(string element)
    {
        var folded = element.Normalize(NormalizationForm.FormKC);
        foreach (var c in folded)
        {
            switch (c)
            {
                case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '`' or '\u00B4':
                    yield return '\'';
                    break;
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB':
                    yield return '"';
                    break;
                case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D':
                    yield return '-';
                    break;
                case '\u00D7':
                    yield return 'x';
                    break;
                default:
                    yield return char.ToLowerInvariant(c);
                    break;
            }
        }
    }

    private static bool IsDropped(char c) =>
        c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    /// <summary>
    /// "evalu-\nation" → "evaluation": a hyphen right after a letter, then optional spaces, one
    /// line break, optional spaces and a lower-case letter. Returns the offset to resume at.
    /// </summary>
    private static bool IsLineEndHyphen(string s, int index, string element, out int resume)
    {
        resume = index;
        if (element != "-" && element != "\u00AD" && element != "\u2010")
        {
            return false;
        }
        if (index == 0 || !char.IsLetter(s[index - 1]))
        {
            return false;
        }
        var i = index + 1;
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t'))
        {
            i++;
        }
        if (i < s.Length && s[i] == '\r')
        {
            i++;
        }
        if (i >= s.Length || s[i] != '\n')
        {
            return false;
        }
        i++;
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t'))
        {
            i++;
        }
        if (i >= s.Length || !char.IsLower(s[i]))
        {
            return false;
        }
        resume = i;
        return true;
    }
}
