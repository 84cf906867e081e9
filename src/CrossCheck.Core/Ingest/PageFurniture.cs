using System.Text;
using System.Text.RegularExpressions;

namespace CrossCheck.Ingest;

/// <summary>
/// Tells running text from what surrounds it on a PDF page: running headers and footers (a
/// line in the top or bottom band that recurs, digits aside, on three pages or more), page
/// numbers, rotated margin stamps, footnotes (a run of smaller lines in the lower half of the
/// page that starts with a marker), table of contents entries, and headings set larger or
/// bolder than the body text.
/// </summary>
internal static partial class PageFurniture
{
    private const double Band = 0.1;

    [GeneratedRegex(@"^\W*(page\s*)?([0-9]{1,4}|[ivxlcdm]{1,7}|[a-z]{1,2}-[0-9]{1,3})(\s*(of|/)\s*[0-9]{1,4})?\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    public static void Classify(IReadOnlyList<PdfPageLines> pages)
    {
        var body = BodySize(pages);
        var recurring = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var line in page.Lines.Where(l => InBand(l, page)))
            {
                var key = Key(line.Text);
                if (key.Length > 0)
                {
                    (recurring.TryGetValue(key, out var set) ? set : recurring[key] = []).Add(page.Number);
                }
            }
        }
        foreach (var page in pages)
        {
            foreach (var line in page.Lines)
            {
                if (!line.Horizontal || !line.Text.Any(char.IsLetterOrDigit) || SectionDetector.IsTocEntry(line.Text) || line.Baseline < 0 || line.Baseline > page.Height || line.Right < 0 || line.Left > page.Width
                    || (InBand(line, page) && (PageNumber().IsMatch(line.Text) || recurring.GetValueOrDefault(Key(line.Text))?.Count >= 3)))
                {
                    line.Role = LineRole.Furniture;
                }
            }
            MarkFootnotes(page, body);
            MarkHeadings(page, body);
        }
    }

    private static bool InBand(PdfLine line, PdfPageLines page) =>
        line.Baseline > page.Height * (1 - Band) || line.Baseline < page.Height * Band;

    /// <summary>The line with digits folded to '#' and spacing, case and punctuation dropped, so letter-spaced and numbered variants agree.</summary>
    private static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsDigit(c) && (key.Length == 0 || key[^1] != '#'))
            {
                key.Append('#');
            }
        }
        return key.ToString();
    }

    /// <summary>The font size of most of the text (by characters), rounded to half a point.</summary>
    internal static double BodySize(IReadOnlyList<PdfPageLines> pages)
    {
        var weights = new Dictionary<double, int>();
        foreach (var line in pages.SelectMany(p => p.Lines))
        {
            var size = Math.Round(line.Size * 2) / 2;
            weights[size] = weights.GetValueOrDefault(size) + line.Text.Length;
        }
        return weights.Count == 0 ? 10 : weights.MaxBy(w => w.Value).Key;
    }

    /// <summary>
    /// A run of lines smaller than the body text in the lower half of the page is a footnote
    /// block when it starts with a note mark, or when it opens in lower case and closes its
    /// column (the next line climbs back up the page, or the page ends): a note carried over
    /// from the page before.
    /// </summary>
    private static void MarkFootnotes(PdfPageLines page, double body)
    {
        var lines = page.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!IsNoteLine(lines[i], page, body))
            {
                continue;
            }
            var j = i + 1;
            while (j < lines.Count && (lines[j].Role == LineRole.Furniture || IsNoteLine(lines[j], page, body))
                   && lines[j].Baseline <= lines[j - 1].Baseline + lines[j].Size * 1.5)
            {
                j++;
            }
            var next = lines.Skip(j).FirstOrDefault(l => l.Role != LineRole.Furniture);
            var closes = next is null || next.Baseline > lines[j - 1].Baseline + page.Height * 0.2;
            // Carried over: the run opens in lower case, mid-sentence, as no note of its own would.
            var carried = char.IsLower(lines[i].Text[0]);
            if (StartsWithMarker(lines[i].Text) || (closes && carried))
            {
                for (var k = i; k < j; k++)
                {
                    if (lines[k].Role == LineRole.Body)
                    {
                        lines[k].Role = LineRole.Footnote;
                    }
                }
            }
            i = j - 1;
        }
    }

    private static bool IsNoteLine(PdfLine line, PdfPageLines page, double body) =>
        line.Role == LineRole.Body && IsSmall(line, body) && line.Baseline < page.Height * 0.5;

    private static bool IsSmall(PdfLine line, double body) => line.Size < body * 0.88;

    private static bool StartsWithMarker(string text) =>
        text.Length > 1 && (char.IsDigit(text[0]) || text[0] is '*' or '†' or '‡' or '§' or '¶') && text.Any(char.IsLetter);

    private static void MarkHeadings(PdfPageLines page, double body)
    {
        foreach (var line in page.Lines)
        {
            if (line.Role == LineRole.Body && (line.Size >= body * 1.1 || line.BoldShare > 0.9) && line.Text.Count(char.IsLetter) >= 3
                && line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 14 && line.Text[^1] is not ('.' or ',' or ';'))
            {
                line.Role = LineRole.Heading;
            }
        }
    }
}
