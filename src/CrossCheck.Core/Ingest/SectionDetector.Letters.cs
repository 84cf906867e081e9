using System.Text.RegularExpressions;

namespace CrossCheck.Ingest;

public static partial class SectionDetector
{
    /// <summary>What the lines the PDF sets as headings add to the numbered candidates: lettered appendices, wrapped titles.</summary>
    private static void UseHeadingLines(Document document, List<(string? Number, string Title, int Level, int Start)> candidates)
    {
        AddLetterHeadings(document, candidates);
        JoinWrappedTitles(document, candidates);
    }

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
        // Hints come in text order without overlaps (as PdfLayout and DocxReader write them): then the hint holding a
        // candidate is found by binary search and the next one is looked for only up to the first non-blank character,
        // instead of cutting the text between the hint and every later hint (cubic in a 300-page source).
        var ordered = true;
        for (var k = 1; k < hints.Count && ordered; k++)
        {
            ordered = hints[k - 1].End <= hints[k].Start;
        }
        var text = document.Text;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var at = ordered ? Holding(hints, c.Start) : IndexOf(hints, h => h.Start <= c.Start && c.Start < h.End, 0);
            if (at < 0)
            {
                continue;
            }
            var first = hints[at];
            HeadingHint next;
            if (ordered)
            {
                var blankTo = first.End;
                while (blankTo < text.Length && char.IsWhiteSpace(text[blankTo]))
                {
                    blankTo++;
                }
                var found = IndexOf(hints, h => h.Start >= first.End && h.Start <= blankTo && h.Level == first.Level, at + 1, h => h.Start > blankTo);
                next = found < 0 ? default : hints[found];
            }
            else
            {
                next = hints.FirstOrDefault(h => h.Start >= first.End && h.Level == first.Level && string.IsNullOrWhiteSpace(text[first.End..h.Start]));
            }
            if (next.End == 0)
            {
                continue;
            }
            var more = string.Join(' ', text[next.Start..next.End].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (more.Length is > 0 and < 80 && !NumberedHeading().IsMatch(more) && !LetterHeading().IsMatch(more) && char.IsLetter(more[0]))
            {
                candidates[i] = c with { Title = c.Title + " " + more };
            }
        }
    }

    /// <summary>The hint holding <paramref name="offset"/> in hints sorted and not overlapping, or -1.</summary>
    private static int Holding(IReadOnlyList<HeadingHint> hints, int offset)
    {
        int lo = 0, hi = hints.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (hints[mid].Start <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found >= 0 && offset < hints[found].End ? found : -1;
    }

    private static int IndexOf(IReadOnlyList<HeadingHint> hints, Func<HeadingHint, bool> match, int from, Func<HeadingHint, bool>? stop = null)
    {
        for (var k = from; k < hints.Count; k++)
        {
            if (stop?.Invoke(hints[k]) == true)
            {
                return -1;
            }
            if (match(hints[k]))
            {
                return k;
            }
        }
        return -1;
    }
}
