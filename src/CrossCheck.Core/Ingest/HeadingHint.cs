namespace CrossCheck.Ingest;

/// <summary>A line the PDF sets as a heading (larger than the body text), at its offset in the document text; level 1 is the largest.</summary>
public readonly record struct HeadingHint(int Start, int End, int Level);
