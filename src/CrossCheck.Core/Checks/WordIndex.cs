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
            foreach (var at in Scan(_text, piece))
            {
                yield return at;
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
