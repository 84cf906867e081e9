namespace CrossCheck.Ingest;

/// <summary>
/// Some PDFs (InDesign layouts, for one) draw two columns line by line, left and right in turn,
/// so content order reads across the gutter. When a page shows that (three or more pairs of
/// long lines side by side on one baseline), its lines are put back in column order: between
/// lines that span the gutter, the left column first, then the right.
/// </summary>
internal static class ReadingOrder
{
    public static void Fix(PdfPageLines page)
    {
        var lines = page.Lines;
        var minimum = page.Width * 0.25;
        var gutters = new List<double>();
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var (a, b) = (lines[i], lines[i + 1]);
            if (a.Horizontal && b.Horizontal && Math.Abs(a.Baseline - b.Baseline) < 0.5 * a.Size && b.Left > a.Right
                && a.Right - a.Left > minimum && b.Right - b.Left > minimum)
            {
                gutters.Add((a.Right + b.Left) / 2);
            }
        }
        if (gutters.Count < 3)
        {
            return;
        }
        gutters.Sort();
        var gutter = gutters[gutters.Count / 2];
        var ordered = new List<PdfLine>(lines.Count);
        var left = new List<PdfLine>();
        var right = new List<PdfLine>();
        foreach (var line in lines)
        {
            if (line.Right <= gutter)
            {
                left.Add(line);
            }
            else if (line.Left >= gutter)
            {
                right.Add(line);
            }
            else
            {
                ordered.AddRange(left);
                ordered.AddRange(right);
                left.Clear();
                right.Clear();
                ordered.Add(line);
            }
        }
        ordered.AddRange(left);
        ordered.AddRange(right);
        lines.Clear();
        lines.AddRange(ordered);
    }
}
