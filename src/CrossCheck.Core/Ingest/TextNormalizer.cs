using System.Buffers;
using System.Globalization;
using System.Text;

namespace CrossCheck.Ingest;

/// <summary>
/// The one normalisation used for matching everywhere: NFKC (which also splits ligatures such
/// as "ﬁ"), lower case, curly quotes to straight ones, every dash to '-', ellipsis to "...",
/// soft hyphens, zero-width, format, control and private-use characters dropped, words
/// hyphenated across a line end joined, and every run of whitespace (non-breaking spaces
/// included) folded to one space. One pass over the text; ASCII takes a fast path and only
/// other characters go through NFKC. Spans set aside (a PDF's footnotes, headers, page
/// numbers) are folded after the running text, each behind a line break, so no match runs
/// through them while the map still points every folded character at its original place.
/// </summary>
public static class TextNormalizer
{
    public static NormalizedText Normalize(string original) => Normalize(original, []);

    public static NormalizedText Normalize(string original, IReadOnlyList<TextRange> asides) => Normalize(original, asides, []);

    /// <param name="notes">Footnote blocks: folded after the running text as one flow, so a note carried over a page reads on.</param>
    public static NormalizedText Normalize(string original, IReadOnlyList<TextRange> asides, IReadOnlyList<TextRange> notes)
    {
        ArgumentNullException.ThrowIfNull(original);
        var folder = new Folder(original, original.Length);
        var at = 0;
        foreach (var skip in asides.Concat(notes).OrderBy(r => r.Start))
        {
            folder.Fold(at, skip.Start);
            at = Math.Max(at, skip.End);
        }
        folder.Fold(at, original.Length);
        for (var i = 0; i < notes.Count; i++)
        {
            if (i == 0)
            {
                folder.Break(notes[i].Start);
            }
            folder.Fold(notes[i].Start, notes[i].End);
        }
        foreach (var aside in asides)
        {
            folder.Break(aside.Start);
            folder.Fold(aside.Start, aside.End);
        }
        return folder.Result();
    }

    /// <summary>Folds a short string (a quote, a query) without keeping the map.</summary>
    public static string Fold(string text) => Normalize(text).Text;

    /// <summary>Folds the span [<paramref name="start"/>, <paramref name="end"/>) of a longer text (a passage of its document) without copying it out first.</summary>
    public static string Fold(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folder = new Folder(text, end - start);
        folder.Fold(start, end);
        return folder.Result().Text;
    }

    /// <summary>True for characters that draw nothing a reader sees and so never count in matching.</summary>
    public static bool IsInvisible(char c) => c == '\u00AD' || PdfLineReader.IsInvisible(c);

    /// <summary>Printable ASCII and tab, line feed, carriage return: never <see cref="IsInvisible"/>.</summary>
    private static readonly SearchValues<char> NeverInvisible =
        SearchValues.Create([.. "\t\n\r", .. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)]);

    /// <summary>The first invisible character of <paramref name="text"/>, or -1: plain ASCII is skipped a vector at a time.</summary>
    public static int IndexOfInvisible(ReadOnlySpan<char> text)
    {
        var at = 0;
        while (text[at..].IndexOfAnyExcept(NeverInvisible) is var next && next >= 0)
        {
            at += next;
            if (IsInvisible(text[at]))
            {
                return at;
            }
            at++;
        }
        return -1;
    }

    private sealed class Folder(string original, int capacity)
    {
        private readonly StringBuilder _text = new(capacity);
        private readonly List<int> _runFolded = [];
        private readonly List<int> _runOriginal = [];
        private int _lastStart = -2;
        private int _pendingSpace = -1;

        public void Break(int at)
        {
            _pendingSpace = -1;
            if (_text.Length > 0)
            {
                Add('\n', at);
            }
        }

        public void Fold(int from, int to)
        {
            var s = original;
            var i = from;
            while (i < to)
            {
                var c = s[i];
                // ASCII takes the fast path unless a combining mark follows ("e\u0301" composes to "é").
                if (c < 0x80 && (i + 1 >= to || s[i + 1] < 0x300))
                {
                    if (c is ' ' or '\n' or '\r' or '\t' or '\f' or '\v')
                    {
                        Space(i);
                        i++;
                        continue;
                    }
                    if (c == '-' && IsLineEndHyphen(s, i, to, out var resume))
                    {
                        i = resume;
                        continue;
                    }
                    if (c < 0x20 || c == 0x7F)
                    {
                        i++;
                        continue;
                    }
                    Emit(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c == '`' ? '\'' : c, i);
                    i++;
                    continue;
                }
                var length = Math.Min(StringInfo.GetNextTextElementLength(s.AsSpan(i, to - i)), to - i);
                if (length == 1 && IsInvisible(c))
                {
                    if (c is '\u00AD' or '\u2010' && IsLineEndHyphen(s, i, to, out var resume))
                    {
                        i = resume;
                    }
                    else
                    {
                        i++;
                    }
                    continue;
                }
                if (length == 1 && c == '\u2010' && IsLineEndHyphen(s, i, to, out var after))
                {
                    i = after;
                    continue;
                }
                var element = s.AsSpan(i, length);
                var folded = element.IsNormalized(NormalizationForm.FormKC) ? element.ToString() : element.ToString().Normalize(NormalizationForm.FormKC);
                foreach (var f in folded)
                {
                    if (char.IsWhiteSpace(f))
                    {
                        Space(i);
                    }
                    else if (!IsInvisible(f))
                    {
                        Emit(Map(f), i);
                    }
                }
                i += length;
            }
        }

        public NormalizedText Result() =>
            new(original, _text.ToString(), _runFolded.Count == 0 ? [0] : [.. _runFolded], _runOriginal.Count == 0 ? [0] : [.. _runOriginal]);

        private void Space(int at)
        {
            if (_pendingSpace < 0)
            {
                _pendingSpace = at;
            }
        }

        private void Emit(char c, int start)
        {
            if (_pendingSpace >= 0 && _text.Length > 0 && _text[^1] != '\n')
            {
                Add(' ', _pendingSpace);
            }
            _pendingSpace = -1;
            Add(c, start);
        }

        private void Add(char c, int start)
        {
            if (start != _lastStart + 1)
            {
                _runFolded.Add(_text.Length);
                _runOriginal.Add(start);
            }
            _lastStart = start;
            _text.Append(c);
        }
    }

    private static char Map(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
        '\u00D7' => 'x',
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>
    /// "evalu-\nation" → "evaluation": a hyphen right after a letter, then optional spaces, one
    /// line break, optional spaces and a lower-case letter. Returns the offset to resume at.
    /// </summary>
    private static bool IsLineEndHyphen(string s, int index, int to, out int resume)
    {
        resume = index;
        if (index == 0 || !char.IsLetter(s[index - 1]))
        {
            return false;
        }
        var i = index + 1;
        while (i < to && (s[i] == ' ' || s[i] == '\t'))
        {
            i++;
        }
        if (i < to && s[i] == '\r')
        {
            i++;
        }
        if (i >= to || s[i] != '\n')
        {
            return false;
        }
        i++;
        while (i < to && (s[i] == ' ' || s[i] == '\t'))
        {
            i++;
        }
        if (i >= to || !char.IsLower(s[i]))
        {
            return false;
        }
        resume = i;
        return true;
    }
}
