namespace CrossCheck.Ingest;

/// <summary>A page of a document: its 1-based number and where its text starts and ends in the document text.</summary>
public sealed record Page(int Number, int Start, int End);
