namespace CrossCheck.Claims;

/// <summary>
/// The language a text is written in, as far as numbers, quotes and abbreviations care:
/// English, German or French, told apart by their commonest function words.
/// </summary>
public enum TextLanguage
{
    English,
    German,
    French,
}

public static class TextLanguages
{
    private static readonly HashSet<string> German = new(StringComparer.Ordinal)
    {
        "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "ein", "eine", "einen", "auf",
        "für", "wird", "werden", "sich", "des", "im", "zu", "auch", "sind", "wurde", "wurden", "bei", "oder", "dass",
    };

    private static readonly HashSet<string> French = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "des", "et", "est", "une", "un", "du", "dans", "pour", "que", "qui", "sur", "pas",
        "au", "aux", "avec", "sont", "ont", "par", "ce", "cette", "il", "elle", "selon", "plus",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "and", "is", "of", "to", "in", "that", "for", "with", "on", "was", "are", "were", "it", "by",
        "this", "be", "as", "from", "at", "which", "has", "have", "not", "or",
    };

    /// <summary>The language whose function words are most frequent in the text; English when none stand out.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, object> Detected = new();

    /// <summary>The text's language, worked out once per text instance (a passage is read for many claims).</summary>
    public static TextLanguage Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (TextLanguage)Detected.GetValue(text, t => DetectOnce(t));
    }

    private static TextLanguage DetectOnce(string text)
    {
        int en = 0, de = 0, fr = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var word = text[start..i].ToLowerInvariant();
                en += English.Contains(word) ? 1 : 0;
                de += German.Contains(word) ? 1 : 0;
                fr += French.Contains(word) ? 1 : 0;
                start = -1;
            }
        }
        return de > en && de >= fr ? TextLanguage.German : fr > en && fr > de ? TextLanguage.French : TextLanguage.English;
    }

    /// <summary>The language of a claim's own prose: its quotations may be in the source's language.</summary>
    public static TextLanguage DetectProse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var quote in ClaimParts.Quotes(text))
        {
            text = text.Replace(quote.Text, " ", StringComparison.Ordinal);
        }
        return Detect(text);
    }

    /// <summary>German and French write "71,4" for 71.4 and "1.234" or "1 234" for 1234.</summary>
    public static bool UsesDecimalComma(this TextLanguage language) => language != TextLanguage.English;
}
