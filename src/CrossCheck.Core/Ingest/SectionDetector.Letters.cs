using System.Text.RegularExpressions;

namespace CrossCheck.Ingest;

public static partial class SectionDetector
{
    /// <summary>"A Station List": LaTeX's \appendix numbers sections with a bare capital letter.</summary>
    [GeneratedRegex(@"^(?<num>[A-Z])[ \t]+(?<title>[A-Z][^\r\n]{0,100}?)[ \t]*$")]
    private static partial Regex LetterHeading();

    /// <summary>
    /// A bare letter before a title is a heading only where the PDF sets the line as one (larger or bolder than the
    /// body): as running text, "A Study of…" opens sentences. Ordering against the numbered headings is left to InSequence.
    /// </summary>
    private static void AddLetterHeadings(Document document, List<(string? Number, string Title, int Level, int Start)> candidates)
    {
        foreach (var hint in document.Headings)
        {
            var line = string.Join(' ', document.Text[hint.Start..hint.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var m = LetterHeading().Match(line);
            if (m.Success && LooksLikeHeadingTitle(m.Groups["title"].Value) && !candidates.Any(c => Math.Abs(c.Start - hint.Start) < 8))
            {
                candidates.Add((m.Groups["num"].Value, m.Groups["title"].Value.Trim(), 1, hint.Start));
            }
        }
    }

    /// <summary>
    /// A title that wraps onto a second line set the same way ("3.1 Differences" / "Between Districts" in a narrow
    /// column) is one title: the next heading line, with nothing but white space between, joins it unless it is numbered itself.
    /// </summary>
    private static void JoinWrappedTitles(Document document, List<(string? Number, string Title, int Level, int Start)> candidates)
    {
        var hints = document.Headings;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var first = hints.FirstOrDefault(h => h.Start <= c.Start && c.Start < h.End);
            if (first.End == 0)
            {
                continue;
            }
            var next = hints.FirstOrDefault(h => h.Start >= first.End && h.Level == first.Level && string.IsNullOrWhiteSpace(document.Text[first.End..h.Start]));
            if (next.End == 0)
            {
                continue;
            }
            var more = string.Join(' ', document.Text[next.Start..next.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (more.Length is > 0 and < 80 && !NumberedHeading().IsMatch(more) && !LetterHeading().IsMatch(more) && char.IsLetter(more[0]))
            {
                candidates[i] = c with { Title = c.Title + " " + more };
            }
        }
    }
}
