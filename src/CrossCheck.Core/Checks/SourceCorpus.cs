using System.Runtime.CompilerServices;
using CrossCheck.Evidence;
using CrossCheck.Ingest;

namespace CrossCheck.Checks;

/// <summary>
/// The sources of a run, ready for checking: their passages, the BM25 index over them and,
/// built on first use, word indexes of each source's folded and original text for quote matching.
/// </summary>
public sealed class SourceCorpus : IDisposable
{
    private readonly ConditionalWeakTable<Document, WordIndex> _wordIndexes = new();
    private readonly ConditionalWeakTable<Document, WordIndex> _verbatimIndexes = new();

    public SourceCorpus(IReadOnlyList<Document> sources, PassageSplitter? splitter = null)
    {
        Sources = sources;
        splitter ??= new PassageSplitter();
        Passages = sources.SelectMany(splitter.Split).ToArray();
        Index = new Bm25Index(Passages);
    }

    public IReadOnlyList<Document> Sources { get; }

    public IReadOnlyList<Passage> Passages { get; }

    public Bm25Index Index { get; }

    /// <summary>The passage holding an offset of a source (the nearest one before it when the offset falls between passages).</summary>
    public Passage? PassageAt(Document source, int offset)
    {
        Passage? best = null;
        foreach (var passage in Passages)
        {
            if (passage.Source != source)
            {
                continue;
            }
            if (passage.Start <= offset)
            {
                best = passage;
            }
            if (passage.End > offset)
            {
                break;
            }
        }
        return best;
    }

    internal WordIndex Words(Document source) => _wordIndexes.GetValue(source, d => new WordIndex(d.Normalized.Text));

    /// <summary>The word index of a source's text as extracted (case and spacing kept), for verbatim quotes.</summary>
    internal WordIndex VerbatimWords(Document source) => _verbatimIndexes.GetValue(source, d => new WordIndex(d.Text));

    public void Dispose() => Index.Dispose();
}
