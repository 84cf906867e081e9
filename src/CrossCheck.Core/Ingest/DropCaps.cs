namespace CrossCheck.Ingest;

/// <summary>
/// A drop cap drawn apart from its paragraph: the large initial ("O" set over three lines) comes as a line of its own,
/// often at the end of the page's content stream, while its word goes on in the body ("rganizations"). The initial is
/// put back in front of the topmost body line that starts just right of it and whose baseline lies within its height.
/// The same whether the initial is drawn right before its word or after everything else.
/// </summary>
internal static class DropCaps
{
    /// <summary>An initial at least this many times its paragraph's font size is a drop cap.</summary>
    private const double MinScale = 1.8;

    public static void Attach(List<PdfLine> lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var cap = lines[i];
            if (cap.Text.Length != 1 || !char.IsUpper(cap.Text[0]) || !cap.Horizontal)
            {
                continue;
            }
            var at = -1;
            for (var j = 0; j < lines.Count; j++)
            {
                var line = lines[j];
                if (j == i || !line.Horizontal || line.Text.Length < 2 || cap.Size < MinScale * line.Size)
                {
                    continue;
                }
                var gap = line.Left - cap.Right;
                var beside = gap > -0.5 * line.Size && gap < 2 * line.Size
                    && line.Baseline > cap.Baseline - 0.5 * line.Size && line.Baseline < cap.Baseline + cap.Size;
                if (beside && (at < 0 || line.Baseline > lines[at].Baseline))
                {
                    at = j;
                }
            }
            if (at < 0)
            {
                continue;
            }
            var first = lines[at];
            // "O" + "rganizations": one word; "A" + "new approach": two.
            var joint = char.IsLower(first.Text[0]) ? "" : " ";
            var shift = 1 + joint.Length;
            lines[at] = new PdfLine(cap.Text + joint + first.Text, cap.Left, first.Right, first.Baseline, first.Size, true)
            {
                Markers = first.Markers.Select(m => new TextRange(m.Start + shift, m.End + shift)).ToList(),
                BoldShare = first.BoldShare,
                Role = first.Role,
            };
            lines.RemoveAt(i);
        }
    }
}
