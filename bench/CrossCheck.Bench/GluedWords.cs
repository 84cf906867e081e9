namespace CrossCheck.Bench;

/// <summary>
/// Counts glued-word runs in extracted text, the same way for any extractor: a token of letters
/// (at least <see cref="MinLength"/> of them, compared in lower case) that is not in the word list,
/// occurs once in the text, and can be cut into two or more words of the list, each of two letters
/// or more (or "a", "i"): "wheremodelsarerequired" = where + models + are + required.
/// The word list is /usr/share/dict/words (Debian's wamerican, lower-case entries only); a real
/// compound missing from it ("antiracist") counts against every extractor alike.
/// </summary>
internal static class GluedWords
{
    public const int MinLength = 8;

    public const string WordListPath = "/usr/share/dict/words";

    private static readonly Lazy<HashSet<string>?> WordList = new(() =>
        File.Exists(WordListPath)
            ? File.ReadLines(WordListPath).Where(w => w.Length > 0 && w.All(char.IsLower)).ToHashSet(StringComparer.Ordinal)
            : null);

    /// <summary>True when the word list is installed (apt-get install wamerican).</summary>
    public static bool Available => WordList.Value is not null;

    public static IReadOnlyList<string> Find(string text)
    {
        var words = WordList.Value ?? throw new BenchInputException($"{WordListPath}: word list not found; install it (apt-get install wamerican) to count glued words.");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in Tokens(text))
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }
        var glued = new List<string>();
        foreach (var (token, count) in counts)
        {
            if (count == 1 && token.Length >= MinLength && !words.Contains(token) && Splits(token, words))
            {
                glued.Add(token);
            }
        }
        glued.Sort(StringComparer.Ordinal);
        return glued;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i]))
            {
                i++;
            }
            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }
            if (i > start)
            {
                yield return text[start..i].ToLowerInvariant();
            }
        }
    }

    /// <summary>Can <paramref name="token"/> be cut into at least two known words (each of two letters or more, or "a", "i")?</summary>
    private static bool Splits(string token, HashSet<string> words)
    {
        // parts[i] = fewest known words covering token[..i], or -1.
        var parts = new int[token.Length + 1];
        Array.Fill(parts, -1);
        parts[0] = 0;
        for (var end = 1; end <= token.Length; end++)
        {
            for (var start = 0; start < end; start++)
            {
                if (parts[start] < 0 || end - start == token.Length)
                {
                    continue;
                }
                var part = token[start..end];
                if ((part.Length >= 2 || part is "a" or "i") && words.Contains(part)
                    && (parts[end] < 0 || parts[start] + 1 < parts[end]))
                {
                    parts[end] = parts[start] + 1;
                }
            }
        }
        return parts[token.Length] >= 2;
    }
}
