using CrossCheck.Ingest;

namespace CrossCheck.Evidence;

/// <summary>A piece of a source that keeps its page, section and offsets in the source text.</summary>
public sealed record Passage(string Id, Document Source, int Start, int End, int Page, Section? Section)
{
    // Kept outside the record's fields, so equality stays that of the passage's place in its source.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Passage, string> Texts = new();

    /// <summary>The passage's text, cut from the source once (checks read it for every claim it is evidence for).</summary>
    public string Text => Texts.GetValue(this, p => p.Source.Text[p.Start..p.End]);

    public int Tokens => TokenEstimator.Estimate(End - Start);
}
