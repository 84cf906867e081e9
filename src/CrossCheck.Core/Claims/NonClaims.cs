using System.Text.RegularExpressions;

namespace CrossCheck.Claims;

/// <summary>
/// Lines of an essay that are not claims even when they hold numbers: headings, page banners,
/// metadata lines, table rows and footnote definitions; and rhetoric that names nothing a
/// source could confirm ("That can't end well.").
/// </summary>
public static partial class NonClaims
{
    [GeneratedRegex(@"^\s*#{1,6}\s")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.(?:\d+\.?)*|[IVX]+\.)\s+\p{Lu}[^.!?]*$")]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"^\s*(?:page|seite|p\.|s\.)\s*\d+(?:\s*(?:of|von|sur|/)\s*\d+)?\s*$|^\s*-?\s*\d+\s*(?:/\s*\d+)?\s*-?\s*$|^\s*arXiv:\S+", RegexOptions.IgnoreCase)]
    private static partial Regex PageBanner();

    [GeneratedRegex(@"^\s*(?:authors?|by|date|published|updated|last updated|version|status|tags|keywords|word count|reading time|title|subtitle|category|categories|draft|source|sources|autor(?:en)?|datum|veröffentlicht|aktualisiert|stand|schlagwörter|auteurs?|publié le|mis à jour|mots-clés|catégorie)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex Metadata();

    [GeneratedRegex(@"^\s*(?:\[\^[^\]]+\]:|\[\d+\]\s|[\u00B9\u00B2\u00B3\u2070-\u2079]+\s|\d{1,2}\s+(?:https?://|See\b|Available\b|Vgl\.|Voir\b))")]
    private static partial Regex FootnoteDefinition();

    [GeneratedRegex(@"^\W*(That|This|It|Which|Such|Nobody|No one|Everyone|Who|Das|Dies|Es|Cela|Ça|Ce|C'est)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VagueSubject();

    [GeneratedRegex(@"\b(can't|cannot|won't) end well\b|\btime will tell\b|\bremains to be seen\b|\bwhat could (possibly )?go wrong\b|\bso much for\b|\bmake no mistake\b|\bneedless to say\b|\blet that sink in\b|\bkann nicht gut gehen\b|\bbleibt abzuwarten\b|\breste à voir\b|\bça ne peut pas bien finir\b", RegexOptions.IgnoreCase)]
    private static partial Regex RhetoricPhrase();

    /// <summary>Why the line or sentence is not a claim, or null when it may be one.</summary>
    public static string? Why(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var t = sentence.Trim();
        if (t.Length == 0)
        {
            return "empty";
        }
        if (t.StartsWith('|') || t.Count(c => c == '|') >= 2)
        {
            return "a table row";
        }
        if (FootnoteDefinition().IsMatch(t))
        {
            return "a footnote definition";
        }
        if (MarkdownHeading().IsMatch(t) || NumberedHeading().IsMatch(t) && Words(t) <= 12 || IsTitleLine(t))
        {
            return "a heading";
        }
        if (PageBanner().IsMatch(t) || IsShoutedBanner(t))
        {
            return "a page banner";
        }
        if (Metadata().IsMatch(t))
        {
            return "a metadata line";
        }
        return null;
    }

    /// <summary>Rhetoric: a stock phrase, a short exclamation, or a short sentence whose subject is only "that" or "it" with no name to check.</summary>
    public static string? Rhetoric(string sentence, bool hasCheckableParts = false)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var t = sentence.Trim();
        var phrase = RhetoricPhrase().Match(t);
        if (phrase.Success)
        {
            return $"rhetoric (\"{phrase.Value}\")";
        }
        if (hasCheckableParts)
        {
            return null;
        }
        if (t.EndsWith('!') && Words(t) <= 8)
        {
            return "an exclamation";
        }
        if (Words(t) <= 6 && VagueSubject().IsMatch(t) && !t.Skip(1).Any(char.IsUpper))
        {
            return "rhetoric: names nothing a source could confirm";
        }
        return null;
    }

    /// <summary>Could this line stand alone above a paragraph (a heading, a banner, a metadata, table or footnote line)?</summary>
    public static bool IsStandaloneLine(string line) => Why(line) is not null;

    private static int Words(string t) => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>A short line in title case or capitals with no final punctuation: "Results and Discussion".</summary>
    private static bool IsTitleLine(string t)
    {
        if (t.Length < 3 || ".!?:;,\"\u201D\u201C)".Contains(t[^1], StringComparison.Ordinal) || Words(t) > 8)
        {
            return false;
        }
        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3 && char.IsLetter(w[0])).ToArray();
        return words.Length > 0 && char.IsUpper(t.TrimStart('*', '_')[0]) && words.Count(w => char.IsUpper(w[0])) >= 0.6 * words.Length;
    }

    private static bool IsShoutedBanner(string t)
    {
        var letters = t.Where(char.IsLetter).ToArray();
        return letters.Length >= 4 && Words(t) <= 10 && letters.Count(char.IsUpper) >= 0.8 * letters.Length && !t.EndsWith('.');
    }
}
