using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Shingle;
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
    internal const string PairsField = "pairs";

    /// <summary>Runs of two and three adjacent words (stop words kept as "_" gaps), indexed without positions: phrase matching at the cost of a term lookup.</summary>
    private static readonly FieldType PairsType = new() { IsIndexed = true, IsTokenized = true, IsStored = false, OmitNorms = false, IndexOptions = IndexOptions.DOCS_AND_FREQS };

    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly Analyzer _shingles = new ShingleAnalyzerWrapper(new EnglishAnalyzer(Version), 2, 3, " ", false, false, "_");
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<Passage> _passages;
    private readonly int[] _docToOrdinal;
    private readonly Dictionary<Passage, int> _ordinals = new(ReferenceEqualityComparer.Instance);

    public Bm25Index(IReadOnlyList<Passage> passages)
    {
        _passages = passages;
        var perField = new PerFieldAnalyzerWrapper(_analyzer, new Dictionary<string, Analyzer> { [PairsField] = _shingles });
        var config = new IndexWriterConfig(Version, perField) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < passages.Count; i++)
            {
                _ordinals[passages[i]] = i;
                // Folded straight from the document's text: no copy of the passage is made or kept.
                var folded = Ingest.TextNormalizer.Fold(passages[i].Source.Text, passages[i].Start, passages[i].End);
                var document = new Lucene.Net.Documents.Document
                {
                    new StoredField(OrdinalField, i),
                    new TextField(TextField, folded, Field.Store.NO),
                    new Field(PairsField, folded, PairsType),
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
        // Read each document's ordinal once: loading stored fields for every hit of every query
        // cost more than the search itself.
        _docToOrdinal = new int[_reader.MaxDoc];
        for (var doc = 0; doc < _reader.MaxDoc; doc++)
        {
            _docToOrdinal[doc] = _searcher.Doc(doc).GetField(OrdinalField).GetInt32Value() ?? 0;
        }
    }

    public int Count => _passages.Count;

    /// <summary>Estimated tokens of all passages together.</summary>
    public long TotalTokens { get; }

    internal Analyzer Analyzer => _analyzer;

    internal Analyzer ShingleAnalyzer => _shingles;

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
            results.Add((_passages[_docToOrdinal[hit.Doc]], hit.Score));
        }
        return results;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        _shingles.Dispose();
    }
}
