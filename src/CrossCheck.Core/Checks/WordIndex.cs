namespace CrossCheck.Checks;

/// <summary>The words of a folded text with their offsets, and where each word occurs.</summary>
internal sealed class WordIndex
{
    public WordIndex(string folded)
    {
        var words = new List<(string, int, int)>();
        var i = 0;
        while (i < folded.Length)
        {
            while (i < folded.Length && !char.IsLetterOrDigit(folded[i]))
            {
                i++;
            }
            var start = i;
            while (i < folded.Length && (char.IsLetterOrDigit(folded[i]) || ((folded[i] == '\'' || folded[i] == '.' || folded[i] == ',') && i + 1 < folded.Length && char.IsLetterOrDigit(folded[i + 1]) && i > start)))
            {
                i++;
            }
            if (i > start)
            {
                words.Add((folded[start..i], start, i));
            }
        }
        Words = words;
        Positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var w = 0; w < words.Count; w++)
        {
            if (!Positions.TryGetValue(words[w].Item1, out var list))
            {
                Positions[words[w].Item1] = list = [];
            }
            list.Add(w);
        }
    }

    public IReadOnlyList<(string Word, int Start, int End)> Words { get; }

    public Dictionary<string, List<int>> Positions { get; }

    public static IReadOnlyList<string> Tokenize(string folded) => new WordIndex(folded).Words.Select(w => w.Word).ToArray();
}
