namespace CrossCheck.Ingest;

/// <summary>The lines read from one PDF page, with the page's size in points.</summary>
internal sealed record PdfPageLines(int Number, double Width, double Height, List<PdfLine> Lines);
