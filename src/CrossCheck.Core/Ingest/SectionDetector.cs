using System.Text.RegularExpressions;

namespace CrossCheck.Ingest;

/// <summary>
/// Finds sections from numbered headings ("1.2.4.4 Evaluation infrastructure", "3. Results")
/// and Markdown headings ("## 2.1 Method", "## Method"), each on a line of its own.
/// </summary>
public static partial class SectionDetector
{
    [GeneratedRegex(@"^[ \t]*(?<num>\d{1,2}(?:\.\d{1,3}){0,5})\.?[ \t]+(?<title>[A-Z][^\r\n]{0,100}?)[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"^[ \t]{0,3}(?<hashes>#{1,6})[ \t]+(?<title>[^\r\n]+?)[ \t#]*\r?$", RegexOptions.Multiline)]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?<num>\d{1,2}(?:\.\d{1,3}){0,5})\.?[ \t]+(?<title>.+)$")]
    private static partial Regex LeadingNumber();

    public static IReadOnlyList<Section> Detect(Document document)
    {
        var headings = new List<(string? Number, string Title, int Level, int Start)>();
        var text = document.Text;
        if (document.Kind is DocumentKind.Markdown or DocumentKind.Html)
        {
            foreach (Match m in MarkdownHeading().Matches(text))
            {
                var title = m.Groups["title"].Value.Trim();
                var numbered = LeadingNumber().Match(title);
                headings.Add(numbered.Success
                    ? (numbered.Groups["num"].Value, numbered.Groups["title"].Value.Trim(), numbered.Groups["num"].Value.Split('.').Length, m.Index)
                    : (null, title, m.Groups["hashes"].Length, m.Index));
            }
        }
        foreach (Match m in NumberedHeading().Matches(text))
        {
            var title = m.Groups["title"].Value.Trim();
            if (!LooksLikeHeadingTitle(title) || headings.Any(h => h.Start <= m.Index && m.Index < h.Start + 8))
            {
                continue;
            }
            var number = m.Groups["num"].Value;
            headings.Add((number, title, number.Split('.').Length, m.Index));
        }
        headings.Sort((a, b) => a.Start.CompareTo(b.Start));

        var sections = new List<Section>(headings.Count);
        for (var i = 0; i < headings.Count; i++)
        {
            var h = headings[i];
            var end = text.Length;
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

    private static bool LooksLikeHeadingTitle(string title)
    {
        if (title.Length is 0 or > 90)
        {
            return false;
        }
        var last = title[^1];
        if (last is '.' or ',' or ';' or ':' && !title.EndsWith("...", StringComparison.Ordinal))
        {
            return false;
        }
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 12 && words.Count(w => w.Any(char.IsDigit)) <= 2;
    }
}
