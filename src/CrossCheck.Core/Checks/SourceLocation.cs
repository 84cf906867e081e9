using CrossCheck.Ingest;

namespace CrossCheck.Checks;

/// <summary>A place in a source: offsets in its text, page and section, and the original text there.</summary>
public sealed record SourceLocation(Document Source, int Start, int End)
{
    public int Page => Source.PageAt(Start);

    public Section? Section => Source.SectionAt(Start);

    public string Text => Source.Text[Start..End];

    public string Describe() => $"{Source.FileName} p. {Page}" + (Section is { } s ? $", § {s.Label}" : "");
}
