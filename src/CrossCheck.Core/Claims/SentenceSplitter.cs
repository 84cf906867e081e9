namespace CrossCheck.Claims;

/// <summary>
/// Rule-based sentence splitting that survives abbreviations ("e.g.", "Dr.", "et al.",
/// "z. B.", "bzw.", "env."), initials, decimals ("3.5"), section numbers ("1.2.4.4"), German
/// ordinal dates ("3. März"), ellipses inside a sentence and quotations that hold several
/// sentences, in English, German („…“, »…«, ‚…‘) and French («…»). A line that stands alone
/// (a heading, page banner, metadata line, table row or footnote definition) is its own span,
/// never glued to the sentence after it. Returns spans over the given text.
/// </summary>
/// <remarks>
/// Rules rather than a library: ICU's sentence break iterator (ICU4N) is served only as an
/// alpha and knows neither „…“ pairing nor headings without punctuation; see docs/benchmarks.md.
/// </remarks>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "fig", "figs", "no", "nos", "sec", "secs",
        "vol", "vols", "pp", "p", "cf", "vs", "al", "etc", "approx", "ca", "eq", "eqs", "ref", "refs", "ch",
        "art", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "est", "dept", "univ", "gen", "gov", "rev", "op", "tab", "app", "para", "resp",
        "bzw", "usw", "vgl", "ggf", "evtl", "inkl", "nr", "abb", "kap", "bspw", "sog", "hrsg", "jh", "mio", "mrd",
        "zb", "ua", "dh", "env", "mme", "mlle", "chap", "éd", "av", "apr", "cf", "ibid", "ff",
    };

    public static IReadOnlyList<(int Start, int End)> Split(string text) => Split(text, 0, text.Length);

    public static IReadOnlyList<(int Start, int End)> Split(string text, int from, int to)
    {
        var spans = new List<(int, int)>();
        var start = from;
        var quotes = new QuoteTracker();
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (quotes.Consume(c))
            {
                continue;
            }
            if (c == '\n' && IsParagraphBreak(text, i, to, out var next))
            {
                Add(spans, text, start, i);
                start = next;
                i = next - 1;
                quotes.Reset();
                continue;
            }
            if (c == '\n' && StandsAlone(text, start, i, to))
            {
                Add(spans, text, start, i);
                start = i + 1;
                quotes.Reset();
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
            while (j < to && (text[j] is '"' or '\u201D' or '\u201C' or '\u2019' or '\u2018' or '\'' or ')' or ']' or '\u00BB' or '\u00AB'
                || (text[j] is ' ' or '\u00A0' or '\u202F' && j + 1 < to && text[j + 1] is '\u00BB' && quotes.Open)))
            {
                var depth = quotes.Depth;
                quotes.Consume(text[j]);
                closedQuote |= quotes.Depth < depth;
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
            if (quotes.Open && !closedQuote)
            {
                i = j - 1;
                continue;
            }
            var ellipsis = c == '\u2026' || (j - i >= 3 && text[i + 1] == '.');
            if (c == '.' && !ellipsis && (IsAbbreviation(text, from, i) || IsOrdinalDate(text, i, k)))
            {
                i = j - 1;
                continue;
            }
            var nextChar = text[k];
            var startsSentence = char.IsUpper(nextChar) || char.IsDigit(nextChar)
                || nextChar is '"' or '\u201C' or '(' or '[' or '\'' or '\u2018' or '*' or '_' or '\u201E' or '\u00AB' or '\u00BB' or '\u201A';
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

    /// <summary>At a single line break: the line before it, or the line after it, stands alone (a heading, a banner...).</summary>
    private static bool StandsAlone(string text, int start, int newline, int to)
    {
        var lineStart = newline > start ? Math.Max(start, text.LastIndexOf('\n', newline - 1, newline - start) + 1) : start;
        var nextEnd = text.IndexOf('\n', newline + 1, to - newline - 1);
        nextEnd = nextEnd < 0 ? to : nextEnd;
        var next = text[(newline + 1)..nextEnd].TrimStart();
        var why = Claims.NonClaims.Why(text[lineStart..newline]);
        // A title-like line that runs on in lower case is a wrapped sentence, not a heading.
        if (why is not null && (why != "a heading" || next.Length == 0 || !char.IsLower(next[0])))
        {
            return true;
        }
        return next.Length > 0 && Claims.NonClaims.Why(next) is { } after && after != "a heading";
    }

    /// <summary>"am 3. März": a day number with a period before a month name does not end the sentence.</summary>
    private static bool IsOrdinalDate(string text, int period, int next)
    {
        var k = period - 1;
        while (k >= 0 && char.IsDigit(text[k]))
        {
            k--;
        }
        if (period - k - 1 is < 1 or > 2)
        {
            return false;
        }
        var e = next;
        while (e < text.Length && char.IsLetter(text[e]))
        {
            e++;
        }
        return Claims.NumberWords.IsMonth(text[next..e]);
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

    /// <summary>Open quotations, each with the mark that closes it: „ closes with “ (German), “ with ”, « with », » with « and a straight " with itself.</summary>
    private sealed class QuoteTracker
    {
        private readonly Stack<char> _closers = new();

        public bool Open => _closers.Count > 0;

        public int Depth => _closers.Count;

        public void Reset() => _closers.Clear();

        /// <summary>Updates the open quotations for one character; true when it was a quotation mark.</summary>
        public bool Consume(char c)
        {
            if (_closers.Count > 0 && (_closers.Peek() == c || (_closers.Peek() == '\u201C' && c == '\u201D')))
            {
                _closers.Pop();
                return true;
            }
            char? closer = c switch
            {
                '"' => '"',
                '\u201E' => '\u201C',
                '\u201C' => '\u201D',
                '\u00AB' => '\u00BB',
                '\u00BB' => '\u00AB',
                _ => null,
            };
            if (closer is { } close)
            {
                _closers.Push(close);
                return true;
            }
            return c is '\u201D';
        }
    }
}
