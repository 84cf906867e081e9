namespace CrossCheck.Ingest;

/// <summary>
/// Some PDFs (InDesign layouts, for one) draw two columns line by line, left and right in turn,
/// so content order reads across the gutter. When a page shows that (three or more pairs of
/// long lines side by side on one baseline), its lines are put back in column order: between
/// lines that span the gutter, the left column first, then the right. A table drawn column by
/// column (a run of short cells that line up in rows of three or more) is read row by row,
/// each row one line with its cells left to right.
/// </summary>
internal static class ReadingOrder
{
    public static void FixTables(PdfPageLines page)
    {
        var lines = page.Lines;
        var narrow = page.Width * 0.2;
        var i = 0;
        while (i < lines.Count)
        {
            var j = i;
            while (j < lines.Count && lines[j].Horizontal && lines[j].Right - lines[j].Left < narrow)
            {
                j++;
            }
            if (j - i >= 12 && Rows(lines.GetRange(i, j - i)) is { } rows)
            {
                lines.RemoveRange(i, j - i);
                lines.InsertRange(i, rows);
                i += rows.Count;
            }
            else
            {
                i = Math.Max(j, i + 1);
            }
        }
    }

    /// <summary>The cells as rows (top to bottom, cells left to right), or null when they do not form a grid.</summary>
    private static List<PdfLine>? Rows(List<PdfLine> cells)
    {
        var sorted = cells.OrderByDescending(c => c.Baseline).ToList();
        var rows = new List<List<PdfLine>>();
        foreach (var cell in sorted)
        {
            if (rows.Count > 0 && Math.Abs(rows[^1][0].Baseline - cell.Baseline) < 0.4 * cell.Size)
            {
                rows[^1].Add(cell);
            }
            else
            {
                rows.Add([cell]);
            }
        }
        var wide = rows.Where(r => r.Count >= 3).ToList();
        if (wide.Count < 3 || wide.Sum(r => r.Count) * 2 < cells.Count)
        {
            return null;
        }
        return rows.Select(r =>
        {
            var ordered = r.OrderBy(c => c.Left).ToList();
            return new PdfLine(string.Join(' ', ordered.Select(c => c.Text)), ordered[0].Left, ordered.Max(c => c.Right), ordered[0].Baseline, ordered.Average(c => c.Size), true)
            {
                BoldShare = ordered.Average(c => c.BoldShare),
            };
        }).ToList();
    }

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
