namespace CrossCheck.Checks;

/// <summary>
/// The words of a text with their offsets, and where each word occurs: the index that quote
/// search runs through. A word is a run of letters and digits, with an apostrophe, a point or a
/// comma inside it ("don't", "3.5", "1,000"). Offsets are kept as two int arrays and each distinct
/// word once, so the index costs about 12 bytes a word of the text.
/// </summary>
internal sealed class WordIndex
{
    private readonly string _text;
    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordIndex(string text)
    {
        _text = text;
        var starts = new List<int>();
        var ends = new List<int>();
        Positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        _lookup = Positions.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (start, end) in Spans(text))
        {
            var word = text.AsSpan(start, end - start);
            if (!_lookup.TryGetValue(word, out var list))
            {
                _lookup[word] = list = [];
            }
            list.Add(starts.Count);
            starts.Add(start);
            ends.Add(end);
        }
        _starts = [.. starts];
        _ends = [.. ends];
    }

    /// <summary>Words in the text.</summary>
    public int Count => _starts.Length;

    /// <summary>Each distinct word and the ordinals (in text order) at which it occurs.</summary>
    public Dictionary<string, List<int>> Positions { get; }

    public int Start(int ordinal) => _starts[ordinal];

    public int End(int ordinal) => _ends[ordinal];

    public ReadOnlySpan<char> Word(int ordinal) => _text.AsSpan(_starts[ordinal], _ends[ordinal] - _starts[ordinal]);

    public static IReadOnlyList<string> Tokenize(string folded) => Spans(folded).Select(s => folded[s.Start..s.End]).ToArray();

    /// <summary>
    /// Every place <paramref name="piece"/> stands in the text, in text order (overlapping ones
    /// included). When the piece holds a whole word — one that starts after a character no word
    /// runs through and ends inside the piece — only the places of its rarest such word are
    /// compared; otherwise the text is scanned.
    /// </summary>
    public IEnumerable<int> Occurrences(string piece)
    {
        if (piece.Length == 0)
        {
            yield break;
        }
        if (Anchor(piece) is not { } anchor)
        {
            // No whole word (a quote of one or two words): the places of the text words its words can be part of.
            foreach (var at in PartialAnchor(piece))
            {
                if (at >= 0 && at + piece.Length <= _text.Length && _text.AsSpan(at, piece.Length).SequenceEqual(piece))
                {
                    yield return at;
                }
            }
            yield break;
        }
        var (positions, offset) = anchor;
        foreach (var ordinal in positions)
        {
            var at = _starts[ordinal] - offset;
            if (at >= 0 && at + piece.Length <= _text.Length && _text.AsSpan(at, piece.Length).SequenceEqual(piece))
            {
                yield return at;
            }
        }
    }

    /// <summary>Every place <paramref name="piece"/> stands in <paramref name="text"/>, by scanning it (for short texts, and pieces without a whole word).</summary>
    public static IEnumerable<int> Scan(string text, string piece)
    {
        for (var at = text.IndexOf(piece, StringComparison.Ordinal); at >= 0; at = at + 1 < text.Length ? text.IndexOf(piece, at + 1, StringComparison.Ordinal) : -1)
        {
            yield return at;
        }
    }

    /// <summary>The rarest whole word inside the piece: its places in the text (none when the text lacks it) and its offset in the piece.</summary>
    private (IReadOnlyList<int> Positions, int Offset)? Anchor(string piece)
    {
        (IReadOnlyList<int> Positions, int Offset)? best = null;
        foreach (var (start, end) in Spans(piece))
        {
            // The text's words break exactly where the piece's do only when the piece shows what
            // stands on both sides of the word.
            var whole = start > 0 && !InWord(piece[start - 1]) && end < piece.Length && (end + 1 < piece.Length || !InWord(piece[end]));
            if (!whole)
            {
                continue;
            }
            if (!_lookup.TryGetValue(piece.AsSpan(start, end - start), out var list))
            {
                return ([], start);
            }
            if (best is null || list.Count < best.Value.Positions.Count)
            {
                best = (list, start);
            }
        }
        return best;
    }

    /// <summary>
    /// Where the piece may stand, found through one of its words that the piece shows cut on one side or both: a word
    /// the piece shows starting (not ending) is the start of a text word, one it shows ending is the end of one, and
    /// one it shows neither way (a one-word quote) lies inside one. Candidate places in text order, to be compared;
    /// every place the piece stands is among them, since a run of letters and digits never spans two text words.
    /// </summary>
    private int[] PartialAnchor(string piece)
    {
        int[]? best = null;
        foreach (var (start, end) in Spans(piece))
        {
            var word = piece[start..end];
            var places = new List<int>();
            if (start > 0 && !InWord(piece[start - 1]))
            {
                places.AddRange(Matching(Vocabulary.Sorted, word).Select(o => _starts[o] - start));
            }
            else if (end < piece.Length && (end + 1 < piece.Length || !InWord(piece[end])))
            {
                places.AddRange(Matching(Vocabulary.Reversed, Reverse(word)).Select(o => _ends[o] - end));
            }
            else
            {
                foreach (var (text, ordinals) in Positions)
                {
                    for (var k = text.IndexOf(word, StringComparison.Ordinal); k >= 0; k = text.IndexOf(word, k + 1, StringComparison.Ordinal))
                    {
                        places.AddRange(ordinals.Select(o => _starts[o] + k - start));
                    }
                }
            }
            if (best is null || places.Count < best.Length)
            {
                best = [.. places];
            }
        }
        // No letter or digit at all: nothing to look up.
        best ??= [.. Scan(_text, piece)];
        Array.Sort(best);
        return best;
    }

    /// <summary>Ordinals of every text word whose key (the word, or the word reversed) starts with <paramref name="prefix"/>.</summary>
    private List<int> Matching((string Key, string Word)[] sorted, string prefix)
    {
        var lo = 0;
        var hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = string.CompareOrdinal(sorted[mid].Key, prefix) < 0 ? (mid + 1, hi) : (lo, mid);
        }
        var result = new List<int>();
        for (var i = lo; i < sorted.Length && sorted[i].Key.StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            result.AddRange(Positions[sorted[i].Word]);
        }
        return result;
    }

    private static string Reverse(string word) => string.Create(word.Length, word, (span, w) =>
    {
        w.AsSpan().CopyTo(span);
        span.Reverse();
    });

    private sealed record SortedWords((string Key, string Word)[] Sorted, (string Key, string Word)[] Reversed);

    private SortedWords? _vocabulary;

    /// <summary>The distinct words sorted, and sorted by their reversed form: made on the first short quote (two threads may both make it, alike).</summary>
    private SortedWords Vocabulary => LazyInitializer.EnsureInitialized(ref _vocabulary, () => new SortedWords(
        [.. Positions.Keys.Select(w => (w, w)).OrderBy(x => x.Item1, StringComparer.Ordinal)],
        [.. Positions.Keys.Select(w => (Reverse(w), w)).OrderBy(x => x.Item1, StringComparer.Ordinal)]));

    private static bool InWord(char c) => char.IsLetterOrDigit(c) || c is '\'' or '.' or ',';

    private static IEnumerable<(int Start, int End)> Spans(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || ((text[i] == '\'' || text[i] == '.' || text[i] == ',') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && i > start)))
            {
                i++;
            }
            if (i > start)
            {
                yield return (start, i);
            }
        }
    }
}
