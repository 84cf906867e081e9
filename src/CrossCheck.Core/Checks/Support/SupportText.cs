using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace CrossCheck.Checks;

/// <summary>
/// Tokenises text for the support judgement with Lucene's standard tokenizer and Porter stemmer
/// (so "released" meets "releases"), keeping each word's surface form and offset. Function words
/// are kept but marked, so bigrams and the reason can still use them.
/// </summary>
public static class SupportText
{
    private static readonly Analyzer Analyzer = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, tokenizer);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>Words that carry no checkable content on their own.</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "by", "from",
        "as", "into", "onto", "upon", "about", "over", "under", "after", "before", "during", "since", "until",
        "between", "among", "through", "within", "without", "against", "across", "per", "via", "than", "then",
        "is", "was", "were", "are", "be", "been", "being", "am", "has", "had", "have", "having", "do", "does",
        "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
        "that", "this", "these", "those", "it", "its", "which", "who", "whom", "whose", "what", "where", "when",
        "while", "how", "why", "there", "here", "he", "she", "they", "them", "him", "her", "his", "hers",
        "their", "theirs", "we", "us", "our", "you", "your", "i", "me", "my", "also", "too", "so", "such",
        "very", "both", "either", "neither", "each", "any", "some", "all", "other", "another", "own", "same",
        "if", "not", "no", "only", "just", "well", "s", "one", "later", "currently", "including", "became",
        "become", "becomes", "however", "instead", "still", "again", "every", "many", "much", "several",
        "often", "due", "took", "take", "place", "made", "make", "time", "times", "further", "first", "new",
        "previously", "reportedly", "actually", "actual", "already", "later", "subsequently", "eventually",
        "around", "among", "whilst", "though", "although", "because", "thus", "therefore", "known", "called",
        "named", "use", "used", "using",
    };

    public static IReadOnlyList<SupportToken> Tokenize(string text)
    {
        var tokens = new List<SupportToken>();
        using var stream = Analyzer.GetTokenStream("t", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var start = offset.StartOffset;
            var surface = text[start..Math.Min(text.Length, offset.EndOffset)];
            var lower = surface.ToLowerInvariant();
            var isNumber = surface.Any(char.IsDigit);
            var isName = !isNumber && char.IsUpper(surface[0]) && !IsSentenceStart(text, start);
            var isContent = isNumber || !FunctionWords.Contains(lower);
            tokens.Add(new SupportToken(surface, term.ToString(), start, isName, isNumber, isContent));
        }
        stream.End();
        return tokens;
    }

    /// <summary>True when only spaces, quotes or brackets stand between the text's or a sentence's start and the offset.</summary>
    private static bool IsSentenceStart(string text, int offset)
    {
        for (var i = offset - 1; i >= 0; i--)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '"' or '\'' or '(' or '[' or '\u201C' or '\u2018')
            {
                continue;
            }
            return c is '.' or '!' or '?' or ':' or '\n';
        }
        return true;
    }
}
