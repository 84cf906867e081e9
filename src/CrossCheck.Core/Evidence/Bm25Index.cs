using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace CrossCheck.Evidence;

/// <summary>BM25 over passages with Lucene.Net (English analyser: stemming and stop words).</summary>
public sealed class Bm25Index : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string TextField = "text";
    private const string OrdinalField = "ord";
    internal const string HeadingField = "heading";

    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<Passage> _passages;
    private readonly Dictionary<Passage, int> _ordinals = new(ReferenceEqualityComparer.Instance);

    public Bm25Index(IReadOnlyList<Passage> passages)
    {
        _passages = passages;
        var config = new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < passages.Count; i++)
            {
                _ordinals[passages[i]] = i;
                var document = new Lucene.Net.Documents.Document
                {
                    new StoredField(OrdinalField, i),
                    new TextField(TextField, Ingest.TextNormalizer.Fold(passages[i].Text), Field.Store.NO),
                };
                // The section's heading as its own field, so a claim naming the topic of a
                // section finds its passages even where the body never repeats the heading's words.
                if (passages[i].Section is { } section)
                {
                    document.Add(new TextField(HeadingField, Ingest.TextNormalizer.Fold(section.Title), Field.Store.NO));
                }
                writer.AddDocument(document);
                TotalTokens += passages[i].Tokens;
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public int Count => _passages.Count;

    /// <summary>Estimated tokens of all passages together.</summary>
    public long TotalTokens { get; }

    internal Analyzer Analyzer => _analyzer;

    /// <summary>The passage <paramref name="step"/> places after (negative: before) <paramref name="passage"/> in the same source, if any.</summary>
    public Passage? Neighbour(Passage passage, int step)
    {
        if (!_ordinals.TryGetValue(passage, out var ordinal))
        {
            return null;
        }
        var at = ordinal + step;
        return at >= 0 && at < _passages.Count && _passages[at].Source == passage.Source ? _passages[at] : null;
    }

    /// <summary>The best passages for a query, best first, with their BM25 scores.</summary>
    public IReadOnlyList<(Passage Passage, float Score)> Search(string query, int top)
    {
        if (_passages.Count == 0 || string.IsNullOrWhiteSpace(query))
        {
            return [];
        }
        var parser = new QueryParser(Version, TextField, _analyzer) { DefaultOperator = Operator.OR };
        Query parsed;
        try
        {
            var folded = Ingest.TextNormalizer.Fold(query);
            parsed = parser.Parse(QueryParser.Escape(folded));
        }
        catch (ParseException)
        {
            return [];
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            return [];
        }
        return Search(parsed, top);
    }

    /// <summary>The best passages for a built query (see <see cref="EvidenceQuery"/>), best first.</summary>
    internal IReadOnlyList<(Passage Passage, float Score)> Search(Query query, int top)
    {
        if (_passages.Count == 0)
        {
            return [];
        }
        var hits = _searcher.Search(query, Math.Max(1, Math.Min(top, _passages.Count))).ScoreDocs;
        var results = new List<(Passage, float)>(hits.Length);
        foreach (var hit in hits)
        {
            var ordinal = _searcher.Doc(hit.Doc).GetField(OrdinalField).GetInt32Value() ?? 0;
            results.Add((_passages[ordinal], hit.Score));
        }
        return results;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
