using CrossCheck.Ingest;

namespace CrossCheck.Evidence;

/// <summary>A piece of a source that keeps its page, section and offsets in the source text.</summary>
public sealed record Passage(string Id, Document Source, int Start, int End, int Page, Section? Section)
{
    public string Text => Source.Text[Start..End];

    public int Tokens => TokenEstimator.Estimate(End - Start);
}
