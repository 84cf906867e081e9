using System.Text.RegularExpressions;

namespace CrossCheck.Ingest;

/// <summary>
/// Finds sections from numbered headings ("1.2.4.4 Evaluation infrastructure", "3. Results",
/// "A.1 Data", "Appendix B Glossary"), Markdown headings ("## 2.1 Method", "## Method") and, in
/// a PDF, lines set larger than the body text, each on a line of its own. Not headings: table
/// of contents lines (dot leaders and a page number), decimals and list items that read as
/// prose ("0.3 F1 behind the baseline and", "2. Identify the purpose of the"). Invisible
/// characters (zero-width spaces, BOM, soft hyphens) are ignored.
/// </summary>
public static partial class SectionDetector
{
    [GeneratedRegex(@"^[ \t]*(?<num>(?:[1-9]\d?|0)(?:\.\d{1,3}){0,5}|[A-Z](?:\.\d{1,3}){1,5})\.?[ \t]+(?<title>[A-Z][^\r\n]{0,100}?)[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"^[ \t]*(?:APPENDIX|Appendix)[ \t]+(?<num>[A-Z])(?:[ \t]*[:.\u2013\u2014-])?(?:[ \t]+(?<title>[A-Z][^\r\n]{0,100}?))?[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex AppendixHeading();

    [GeneratedRegex(@"^[ \t]{0,3}(?<hashes>#{1,6})[ \t]+(?<title>[^\r\n]+?)[ \t#]*\r?$", RegexOptions.Multiline)]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?<num>\d{1,2}(?:\.\d{1,3}){0,5})\.?[ \t]+(?<title>.+)$")]
    private static partial Regex LeadingNumber();

    private static readonly HashSet<string> TrailingFunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "for", "with", "by", "on", "at", "as", "than", "that", "is", "are", "was", "were", "be", "from",
    };

    /// <summary>Lower-case verbs that make a numbered line a sentence (a list item), not a title.</summary>
    private static readonly HashSet<string> ProseVerbs = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "has", "have", "had", "been", "will", "would", "should", "can", "could", "may", "must", "does", "did", "became",
    };

    public static IReadOnlyList<Section> Detect(Document document)
    {
        var headings = new List<(string? Number, string Title, int Level, int Start)>();
        var (text, map) = Visible(document.Text);
        int Original(int at) => map is null ? at : map[at];
        if (document.Kind is DocumentKind.Markdown or DocumentKind.Html or DocumentKind.Docx)
        {
            foreach (Match m in MarkdownHeading().Matches(text))
            {
                var title = m.Groups["title"].Value.Trim();
                var numbered = LeadingNumber().Match(title);
                headings.Add(numbered.Success
                    ? (numbered.Groups["num"].Value, numbered.Groups["title"].Value.Trim(), numbered.Groups["num"].Value.Split('.').Length, Original(m.Index))
                    : (null, title, m.Groups["hashes"].Length, Original(m.Index)));
            }
        }
        var candidates = new List<(string? Number, string Title, int Level, int Start)>();
        foreach (Match m in NumberedHeading().Matches(text))
        {
            var title = m.Groups["title"].Value.Trim();
            var number = m.Groups["num"].Value;
            if (number.StartsWith('0') || !LooksLikeHeadingTitle(title) || headings.Any(h => h.Start <= Original(m.Index) && Original(m.Index) < h.Start + 8)
                || InAside(document.SetAside, Original(m.Index)))
            {
                continue;
            }
            candidates.Add((number, title, number.Split('.').Length, Original(m.Index)));
        }
        foreach (Match m in AppendixHeading().Matches(text))
        {
            var title = m.Groups["title"].Success ? m.Groups["title"].Value.Trim() : "";
            if ((title.Length == 0 || LooksLikeHeadingTitle(title)) && !InAside(document.SetAside, Original(m.Index)))
            {
                candidates.Add((m.Groups["num"].Value, title.Length == 0 ? $"Appendix {m.Groups["num"].Value}" : title, 1, Original(m.Index)));
            }
        }
        UseHeadingLines(document, candidates);
        candidates.Sort((a, b) => a.Start.CompareTo(b.Start));
        headings.AddRange(InSequence(candidates));
        AddSetHeadings(document, headings);
        headings.Sort((a, b) => a.Start.CompareTo(b.Start));

        var sections = new List<Section>(headings.Count);
        for (var i = 0; i < headings.Count; i++)
        {
            var h = headings[i];
            var end = document.Text.Length;
            for (var j = i + 1; j < headings.Count; j++)
            {
                if (headings[j].Level <= h.Level)
                {
                    end = headings[j].Start;
                    break;
                }
            }
            sections.Add(new Section(h.Number, h.Title, h.Level, h.Start, end, document.PageAt(h.Start)));
        }
        return sections;
    }

    /// <summary>
    /// PDF lines set larger or bolder than the body text become sections without a number, in
    /// a document that does not number its headings.
    /// </summary>
    private static void AddSetHeadings(Document document, List<(string? Number, string Title, int Level, int Start)> headings)
    {
        if (document.Headings.Count == 0)
        {
            return;
        }
        // A document that numbers its headings names its sections by number: set lines there are
        // table headers and run-in titles more often than sections.
        if (headings.Count(h => h.Number is not null) >= 3)
        {
            return;
        }
        foreach (var hint in document.Headings)
        {
            var title = string.Join(' ', document.Text[hint.Start..hint.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (title.Length < 3 || IsTocEntry(title) || headings.Any(h => Math.Abs(h.Start - hint.Start) < 8))
            {
                continue;
            }
            headings.Add((null, title, hint.Level, hint.Start));
        }
    }

    /// <summary>
    /// Headings number a document in increasing order (1, 1.1, 1.2, 2, …, A, A.1, B); a numbered
    /// list inside a section ("1 Determine whether…" after 3.5) breaks that order. Keeps the
    /// longest run of candidates whose numbers increase through the text.
    /// </summary>
    private static List<(string? Number, string Title, int Level, int Start)> InSequence(List<(string? Number, string Title, int Level, int Start)> candidates)
    {
        var keys = candidates.Select(c => Key(c.Number!)).ToArray();
        var length = new int[keys.Length];
        var previous = new int[keys.Length];
        var best = -1;
        for (var i = 0; i < keys.Length; i++)
        {
            length[i] = 1;
            previous[i] = -1;
            for (var j = Math.Max(0, i - 400); j < i; j++)
            {
                if (Compare(keys[j], keys[i]) < 0 && length[j] + 1 > length[i])
                {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (best < 0 || length[i] > length[best])
            {
                best = i;
            }
        }
        var chain = new List<(string? Number, string Title, int Level, int Start)>();
        for (var i = best; i >= 0; i = previous[i])
        {
            chain.Add(candidates[i]);
        }
        chain.Reverse();
        return chain;
    }

    /// <summary>"3.2.1" → [3, 2, 1]; appendix "B.2" → [1002, 2], after every chapter.</summary>
    private static int[] Key(string number) =>
        number.Split('.').Select((part, k) => k == 0 && char.IsLetter(part[0]) ? 1000 + part[0] - 'A' : int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    private static bool InAside(IReadOnlyList<TextRange> asides, int at)
    {
        var lo = 0;
        var hi = asides.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (asides[mid].End <= at)
            {
                lo = mid + 1;
            }
            else if (asides[mid].Start > at)
            {
                hi = mid - 1;
            }
            else
            {
                return true;
            }
        }
        return false;
    }

    private static bool LooksLikeHeadingTitle(string title)
    {
        if (title.Length is 0 or > 90 || IsTocEntry(title))
        {
            return false;
        }
        var last = title[^1];
        if (last is '.' or ',' or ';' or ':' or '?' or '-' && !title.EndsWith("...", StringComparison.Ordinal))
        {
            return false;
        }
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 12 && words.Count(w => w.Any(char.IsDigit)) <= 2 && !TrailingFunctionWords.Contains(words[^1])
            && !words.Skip(1).Any(ProseVerbs.Contains);
    }
}
