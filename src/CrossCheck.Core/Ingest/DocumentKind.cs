namespace CrossCheck.Ingest;

public enum DocumentKind
{
    Pdf,
    Markdown,
    PlainText,
    Html,
}
