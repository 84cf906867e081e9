namespace CrossCheck.Ingest;

/// <summary>
/// Rule-based sentence splitting that survives abbreviations ("e.g.", "Dr.", "et al."),
/// initials, decimals ("3.5"), section numbers ("1.2.4.4"), ellipses inside a sentence and
/// quotations that hold several sentences. Returns spans over the given text.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "fig", "figs", "no", "nos", "sec", "secs",
        "vol", "vols", "pp", "p", "cf", "vs", "al", "etc", "approx", "ca", "eq", "eqs", "ref", "refs", "ch",
        "art", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "est", "dept", "univ", "gen", "gov", "rev", "op", "tab", "app", "para", "resp",
    };

    public static IReadOnlyList<(int Start, int End)> Split(string text) => Split(text, 0, text.Length);

    public static IReadOnlyList<(int Start, int End)> Split(string text, int from, int to)
    {
        var spans = new List<(int, int)>();
        var start = from;
        var inStraightQuote = false;
        var curlyDepth = 0;
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                inStraightQuote = !inStraightQuote;
                continue;
            }
            if (c == '\u201C')
            {
                curlyDepth++;
                continue;
            }
            if (c == '\u201D')
            {
                curlyDepth = Math.Max(0, curlyDepth - 1);
                continue;
            }
            if (c == '\n' && IsParagraphBreak(text, i, to, out var next))
            {
                Add(spans, text, start, i);
                start = next;
                i = next - 1;
                inStraightQuote = false;
                curlyDepth = 0;
                continue;
            }
            if (c is not ('.' or '!' or '?' or '\u2026'))
            {
                continue;
            }
            var j = i + 1;
            while (j < to && text[j] is '.' or '!' or '?' or '\u2026')
            {
                j++;
            }
            var closedQuote = false;
            while (j < to && text[j] is '"' or '\u201D' or '\u2019' or '\'' or ')' or ']')
            {
                if (text[j] == '"')
                {
                    inStraightQuote = !inStraightQuote;
                    closedQuote = true;
                }
                else if (text[j] == '\u201D')
                {
                    curlyDepth = Math.Max(0, curlyDepth - 1);
                    closedQuote = true;
                }
                j++;
            }
            if (j < to && !char.IsWhiteSpace(text[j]))
            {
                i = j - 1;
                continue;
            }
            var k = j;
            while (k < to && char.IsWhiteSpace(text[k]))
            {
                k++;
            }
            if (k >= to)
            {
                Add(spans, text, start, j);
                start = k;
                i = k;
                continue;
            }
            if ((inStraightQuote || curlyDepth > 0) && !closedQuote)
            {
                i = j - 1;
                continue;
            }
            var ellipsis = c == '\u2026' || (j - i >= 3 && text[i + 1] == '.');
            if (c == '.' && !ellipsis && IsAbbreviation(text, from, i))
            {
                i = j - 1;
                continue;
            }
            var nextChar = text[k];
            var startsSentence = char.IsUpper(nextChar) || char.IsDigit(nextChar)
                || nextChar is '"' or '\u201C' or '(' or '[' or '\'' or '\u2018' or '*' or '_';
            if (!startsSentence)
            {
                i = j - 1;
                continue;
            }
            Add(spans, text, start, j);
            start = k;
            i = k - 1;
        }
        Add(spans, text, start, to);
        return spans;
    }

    private static bool IsParagraphBreak(string text, int i, int to, out int next)
    {
        var k = i + 1;
        var newlines = 1;
        while (k < to && char.IsWhiteSpace(text[k]))
        {
            if (text[k] == '\n')
            {
                newlines++;
            }
            k++;
        }
        next = k;
        return newlines >= 2;
    }

    private static bool IsAbbreviation(string text, int from, int period)
    {
        var k = period - 1;
        while (k >= from && char.IsLetter(text[k]))
        {
            k--;
        }
        var word = text.Substring(k + 1, period - k - 1);
        if (word.Length == 0)
        {
            return false;
        }
        // A single letter before a period is an initial or part of "e.g.", "U.S.".
        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return true;
        }
        return Abbreviations.Contains(word);
    }

    private static void Add(List<(int, int)> spans, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (end > start)
        {
            spans.Add((start, end));
        }
    }
}
