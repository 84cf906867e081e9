namespace CrossCheck.Ingest;

public enum DocumentKind
{
    Pdf,
    Markdown,
    PlainText,
    Html,

    /// <summary>A Word document, read as Markdown (headings, paragraphs, lists, tables, footnotes) with its page breaks as pages.</summary>
    Docx,
}
