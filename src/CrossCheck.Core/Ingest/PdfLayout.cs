using System.Text;

namespace CrossCheck.Ingest;

/// <summary>
/// Puts a PDF's lines together into the document text. Each page holds its running text first
/// (headings on lines of their own), then what was set aside from it (footnotes, running
/// headers and footers, page numbers, stamps), so a sentence that crosses a column or a page is
/// never cut by them; the set-aside spans are listed so matching can skip them while every
/// character keeps its page. A hyphen at a line end is resolved here, where the lines are
/// known: see <see cref="Hyphenation"/>.
/// </summary>
internal static class PdfLayout
{
    public static (string Text, List<Page> Pages, List<TextRange> Asides, List<TextRange> Notes, List<HeadingHint> Headings) Assemble(IReadOnlyList<PdfPageLines> pages)
    {
        foreach (var page in pages)
        {
            ReadingOrder.Fix(page);
            ReadingOrder.FixTables(page);
        }
        PageFurniture.Classify(pages);
        Hyphenation.Resolve(pages);
        var levels = pages.SelectMany(p => p.Lines).Where(l => l.Role == LineRole.Heading)
            .Select(l => Math.Round(l.Size)).Distinct().OrderDescending().ToList();
        // Sized from the lines and their separators, so the text is not built in growing chunks.
        var capacity = 0;
        foreach (var page in pages)
        {
            foreach (var line in page.Lines)
            {
                capacity += line.Text.Length + 2;
            }
            capacity += 4;
        }
        var text = new StringBuilder(capacity);
        var result = new List<Page>(pages.Count);
        var asides = new List<TextRange>();
        var notes = new List<TextRange>();
        var headings = new List<HeadingHint>();
        foreach (var page in pages)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }
            var start = text.Length;
            var lines = page.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Role is not (LineRole.Body or LineRole.Heading) || line.Text.Length == 0)
                {
                    continue;
                }
                if (line.Role == LineRole.Heading)
                {
                    // A heading stands alone; one set over two lines is read as one.
                    var title = new StringBuilder(line.Text);
                    while (i + 1 < lines.Count && lines[i + 1].Role == LineRole.Heading && Math.Abs(lines[i + 1].Size - line.Size) < 0.5
                           && lines[i].Baseline - lines[i + 1].Baseline is var drop && drop > 0 && drop < 2 * line.Size)
                    {
                        title.Append(' ').Append(lines[++i].Text);
                    }
                    Separate(text, start, "\n\n");
                    var at = text.Length;
                    text.Append(title);
                    headings.Add(new HeadingHint(at, text.Length, Math.Min(3, levels.IndexOf(Math.Round(line.Size)) + 1)));
                    text.Append("\n\n");
                    continue;
                }
                Separate(text, start, "\n");
                var at2 = text.Length;
                text.Append(line.Text);
                foreach (var marker in line.Markers)
                {
                    asides.Add(new TextRange(at2 + marker.Start, at2 + marker.End));
                }
            }
            TrimEnd(text, start);
            // Footnotes first, so a note carried over to the next page reads on; then the furniture.
            AddBlock(text, start, lines, LineRole.Footnote, notes);
            AddBlock(text, start, lines, LineRole.Furniture, asides);
            result.Add(new Page(page.Number, start, text.Length));
        }
        return (text.ToString(), result, asides, notes, headings);
    }

    /// <summary>The page's lines of one role (footnotes, furniture), as one block after its running text.</summary>
    private static void AddBlock(StringBuilder text, int pageStart, List<PdfLine> lines, LineRole role, List<TextRange> ranges)
    {
        var blockStart = -1;
        foreach (var line in lines)
        {
            if (line.Role != role || line.Text.Length == 0)
            {
                continue;
            }
            if (blockStart < 0)
            {
                Separate(text, pageStart, "\n\n");
                blockStart = text.Length;
            }
            else
            {
                text.Append('\n');
            }
            text.Append(line.Text);
        }
        if (blockStart >= 0)
        {
            ranges.Add(new TextRange(blockStart, text.Length));
        }
    }

    private static void Separate(StringBuilder text, int pageStart, string separator)
    {
        if (text.Length == pageStart)
        {
            return;
        }
        TrimEnd(text, pageStart);
        text.Append(separator);
    }

    private static void TrimEnd(StringBuilder text, int pageStart)
    {
        while (text.Length > pageStart && text[^1] is '\n' or ' ')
        {
            text.Length--;
        }
    }
}
