namespace CrossCheck.Ingest;

/// <summary>A span [Start, End) of a document's text.</summary>
public readonly record struct TextRange(int Start, int End);
