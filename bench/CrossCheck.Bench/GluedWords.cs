namespace CrossCheck.Bench;

/// <summary>
/// Counts glued-word runs in extracted text, the same way for any extractor: a token of letters
/// (at least <see cref="MinLength"/> of them) that occurs once in the text and can be cut into two
/// or more words that each occur at least twice in that same text as tokens of their own
/// ("wheremodelsarerequired" = where + models + are + required). The vocabulary comes from the
/// text itself, so no word list is needed and each extractor is judged by its own output; a rare
/// real compound ("nonetheless") counts against every extractor alike.
/// </summary>
internal static class GluedWords
{
    public const int MinLength = 8;

    public static IReadOnlyList<string> Find(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in Tokens(text))
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }
        var glued = new List<string>();
        foreach (var (token, count) in counts)
        {
            if (count == 1 && token.Length >= MinLength && Splits(token, counts))
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

    /// <summary>Can <paramref name="token"/> be cut into at least two known words (each of two letters or more, or "a")?</summary>
    private static bool Splits(string token, Dictionary<string, int> counts)
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
                if ((part.Length >= 2 || part == "a") && counts.GetValueOrDefault(part) >= 2
                    && (parts[end] < 0 || parts[start] + 1 < parts[end]))
                {
                    parts[end] = parts[start] + 1;
                }
            }
        }
        return parts[token.Length] >= 2;
    }
}
