namespace CrossCheck.Ingest;

/// <summary>
/// One line of a PDF page as read from its letters: the text with spaces put where the glyphs
/// leave a gap, its left and right edges and baseline (PDF points, origin bottom left), the
/// typical font size of its letters, and whether it runs left to right (a rotated margin stamp
/// does not).
/// </summary>
internal sealed class PdfLine(string text, double left, double right, double baseline, double size, bool horizontal)
{
    public string Text { get; set; } = text;

    public double Left { get; } = left;

    public double Right { get; } = right;

    public double Baseline { get; } = baseline;

    public double Size { get; } = size;

    public bool Horizontal { get; } = horizontal;

    /// <summary>Footnote marks in <see cref="Text"/> (raised digits after a word), as offsets in the line.</summary>
    public List<TextRange> Markers { get; set; } = [];

    /// <summary>Share of the line's letters in a bold or heavier font.</summary>
    public double BoldShare { get; init; }

    public LineRole Role { get; set; } = LineRole.Body;
}
