using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CrossCheck.Evidence;

/// <summary>
/// Builds a claim's retrieval query: each of its words (stemmed, stop words out), its numbers and
/// names weighted up, its runs of two and three adjacent words (matched against the index's
/// word-run field, so the passage that says the claim's words in the claim's order outranks
/// one that merely shares them), the whole claim as a loose phrase, the words again
/// against section headings, and an optional extra text (such as a drafted proposition) at a
/// lower weight.
/// </summary>
internal static class EvidenceQuery
{
    /// <summary>Lucene refuses more than 1,024 clauses; a claim never needs that many words.</summary>
    private const int MaxTerms = 150;

    public static Query? Build(Bm25Index index, string claim, string? extra, EvidenceSelectorOptions options)
    {
        var query = new BooleanQuery();
        var terms = new Dictionary<string, float>(StringComparer.Ordinal);
        Add(query, terms, index, claim, 1f, options);
        if (!string.IsNullOrWhiteSpace(extra) && options.ExtraQueryWeight > 0)
        {
            Add(query, terms, index, extra, options.ExtraQueryWeight, options);
        }
        foreach (var (term, weight) in terms)
        {
            query.Add(new TermQuery(new Term("text", term)) { Boost = weight }, Occur.SHOULD);
            if (options.HeadingWeight > 0)
            {
                query.Add(new TermQuery(new Term(Bm25Index.HeadingField, term)) { Boost = weight * options.HeadingWeight }, Occur.SHOULD);
            }
        }
        return query.Clauses.Count == 0 ? null : query;
    }

    private static void Add(BooleanQuery query, Dictionary<string, float> terms, Bm25Index index, string text, float weight, EvidenceSelectorOptions options)
    {
        var folded = Ingest.TextNormalizer.Fold(text);
        var tokens = Analyse(index.Analyzer, folded);
        foreach (var token in tokens)
        {
            var w = weight * (token.Key ? 1f + options.KeyTermWeight : 1f);
            terms[token.Term] = Math.Max(terms.GetValueOrDefault(token.Term), w);
        }
        if (options.PhraseWeight > 0)
        {
            foreach (var pair in Shingles(index.ShingleAnalyzer, folded))
            {
                query.Add(new TermQuery(new Term(Bm25Index.PairsField, pair)) { Boost = weight * options.PhraseWeight }, Occur.SHOULD);
            }
        }
        // The whole claim in its order, loosely: a passage that restates the claim near word for word.
        if (options.ClaimPhraseWeight > 0 && tokens.Count > 2)
        {
            var whole = new PhraseQuery { Slop = 2 + tokens.Count / 4, Boost = weight * options.ClaimPhraseWeight };
            foreach (var token in tokens)
            {
                whole.Add(new Term("text", token.Term), token.Position - tokens[0].Position);
            }
            query.Add(whole, Occur.SHOULD);
        }
    }

    private static HashSet<string> Shingles(Analyzer analyzer, string folded)
    {
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream(Bm25Index.PairsField, folded);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && shingles.Count < MaxTerms)
        {
            // A run with a stop word's gap ("_") matches boilerplate everywhere: content words only.
            var run = term.ToString();
            if (!run.Contains('_', StringComparison.Ordinal))
            {
                shingles.Add(run);
            }
        }
        stream.End();
        return shingles;
    }

    private static List<Token> Analyse(Analyzer analyzer, string folded)
    {
        var tokens = new List<Token>();
        using var stream = analyzer.GetTokenStream("text", folded);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken() && tokens.Count < MaxTerms)
        {
            position += increment.PositionIncrement;
            tokens.Add(new Token(term.ToString(), position, IsKey(folded, offset.StartOffset, offset.EndOffset)));
        }
        stream.End();
        return tokens;
    }

    /// <summary>A number, or a name: a capitalised word that does not open a sentence.</summary>
    private static bool IsKey(string text, int start, int end)
    {
        if (start < 0 || end > text.Length || start >= end)
        {
            return false;
        }
        if (text.AsSpan(start, end - start).ContainsAnyInRange('0', '9'))
        {
            return true;
        }
        if (!char.IsUpper(text[start]))
        {
            return false;
        }
        var before = start - 1;
        while (before >= 0 && (char.IsWhiteSpace(text[before]) || text[before] is '"' or '\'' or '(' or '\u201C'))
        {
            before--;
        }
        return before >= 0 && text[before] is not ('.' or '!' or '?' or ':');
    }

    private sealed record Token(string Term, int Position, bool Key);
}
