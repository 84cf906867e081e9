using CrossCheck.Ingest;

namespace CrossCheck.Checks;

/// <summary>
/// Is a quotation in the sources? Exact, then normalised, then near (word-level edit similarity,
/// anchored on the quote's rarer words), else absent. A quote with an ellipsis matches its pieces
/// in order, each within <see cref="MaxGap"/> folded characters of the previous one. A sentence
/// cut by a figure, a table or a page turn in the source still matches as normalised.
/// </summary>
public sealed partial class QuoteCheck(SourceCorpus corpus)
{
    public const double NearThreshold = 0.7;

    public int MaxGap { get; init; } = 1500;

    /// <summary>The sources this check searches.</summary>
    public SourceCorpus Corpus => corpus;

    /// <param name="quote">The quotation.</param>
    /// <param name="preferred">
    /// Where the claim or citation says the quote stands (a section it names, a page it cites), as a test of a place
    /// (source, offset): a quote that stands verbatim at several places (a table row repeated in several tables) is
    /// located at the first preferred place; without one, or when no preferred place holds it, at the first place.
    /// </param>
    public QuoteResult Check(string quote, Func<Document, int, bool>? preferred = null)
    {
        var pieces = new Claims.QuotedSpan(quote).Pieces;
        var found = preferred is not null && Check(quote, pieces, preferred, strict: true) is { Location: not null } there
            ? there
            : Check(quote, pieces, null, strict: false)!;
        return WithOtherPlaces(found, Folded(pieces));
    }

    /// <summary>The quote's pieces folded for the normalised search, trimmed of edge punctuation, empty ones dropped.</summary>
    private static string[] Folded(IReadOnlyList<string> pieces) =>
        pieces.Select(p => TextNormalizer.Fold(p).Trim('.', ' ', ',', ';', ':')).Where(p => p.Length > 0).ToArray();

    /// <summary>One search; with <paramref name="strict"/>, only exact and normalised matches at a preferred place count.</summary>
    private QuoteResult? Check(string quote, IReadOnlyList<string> pieces, Func<Document, int, bool>? preferred, bool strict)
    {
        if (pieces.Count == 0)
        {
            return strict ? null : new QuoteResult(quote, QuoteMatch.Absent, 0, null);
        }
        foreach (var source in corpus.Sources)
        {
            bool Here(int at) => preferred is null || preferred(source, at);
            if (pieces.Count == 1 && FirstInRunningText(source, corpus.VerbatimWords(source), quote, Here) is var exact and >= 0)
            {
                return new QuoteResult(quote, QuoteMatch.Exact, 1, new SourceLocation(source, exact, exact + quote.Length));
            }
            if (pieces.Count > 1 && FindInOrder(source.Text, corpus.VerbatimWords(source), pieces, Here) is { } exactPieces)
            {
                return new QuoteResult(quote, QuoteMatch.Exact, 1, new SourceLocation(source, exactPieces.Start, exactPieces.End));
            }
        }
        var foldedPieces = Folded(pieces);
        foreach (var source in corpus.Sources)
        {
            var folded = source.Normalized;
            var words = corpus.Words(source);
            bool Here(int at) => preferred is null || preferred(source, folded.ToOriginal(at, 0).Start);
            if (HyphenForms(foldedPieces).Select(p => FindInOrder(folded.Text, words, p, Here)).FirstOrDefault(h => h is not null) is { } hit)
            {
                var (start, length) = folded.ToOriginal(hit.Start, hit.End - hit.Start);
                var found = CollapseWhitespace(source.Text.Substring(start, length));
                // Only line breaks and spacing differ: to a reader that is the same text, verbatim.
                var verbatim = FindInOrder(found, null, pieces.Select(p => CollapseWhitespace(p).Trim('.', ' ', ',', ';', ':')).ToArray()) is not null;
                return new QuoteResult(quote, verbatim ? QuoteMatch.Exact : QuoteMatch.Normalised, 1, new SourceLocation(source, start, start + length));
            }
        }
        if (strict)
        {
            return null;
        }
        if (foldedPieces.Length == 1 && Interrupted(foldedPieces[0]) is { } split)
        {
            return new QuoteResult(quote, QuoteMatch.Normalised, 1, split);
        }
        return Nearest(quote, foldedPieces);
    }


    /// <summary>The first place the quote stands verbatim (at a place <paramref name="here"/> accepts), in the running text rather than in a header, footnote or table of contents when it stands in both.</summary>
    private static int FirstInRunningText(Document source, WordIndex words, string quote, Func<int, bool> here)
    {
        var first = -1;
        foreach (var at in words.Occurrences(quote))
        {
            if (!here(at))
            {
                continue;
            }
            if (!IsAside(source, at))
            {
                return at;
            }
            first = first < 0 ? at : first;
        }
        return first;
    }

    private static string CollapseWhitespace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The pieces in order, each within <see cref="MaxGap"/> of the one before: the first found through <paramref name="words"/> (the index of <paramref name="text"/>; null for a short text, scanned), the rest in the window after it.</summary>
    private (int Start, int End)? FindInOrder(string text, WordIndex? words, IReadOnlyList<string> pieces, Func<int, bool>? here = null)
    {
        var firsts = words?.Occurrences(pieces[0]) ?? WordIndex.Scan(text, pieces[0]);
        foreach (var first in firsts)
        {
            if (here is not null && !here(first))
            {
                continue;
            }
            var end = first + pieces[0].Length;
            var ok = true;
            for (var i = 1; i < pieces.Count && ok; i++)
            {
                var window = Math.Min(text.Length - end, MaxGap + pieces[i].Length);
                var next = window < pieces[i].Length ? -1 : text.IndexOf(pieces[i], end, window, StringComparison.Ordinal);
                ok = next >= 0;
                if (ok)
                {
                    end = next + pieces[i].Length;
                }
            }
            if (ok)
            {
                return (first, end);
            }
        }
        return null;
    }

    private QuoteResult Nearest(string quote, IReadOnlyList<string> foldedPieces)
    {
        // Each piece is matched on its own; the quote is as good as its worst piece.
        SourceLocation? location = null;
        var worst = 1.0;
        foreach (var piece in foldedPieces)
        {
            var (similarity, found) = NearestPiece(WordIndex.Tokenize(piece));
            if (found is null || similarity < worst)
            {
                worst = found is null ? 0 : similarity;
            }
            if (found is not null)
            {
                location = location is null || location.Source != found.Source
                    ? found
                    : new SourceLocation(found.Source, Math.Min(location.Start, found.Start), Math.Max(location.End, found.End));
            }
        }
        var match = location is not null && worst >= NearThreshold ? QuoteMatch.Near : QuoteMatch.Absent;
        return new QuoteResult(quote, match, Math.Round(worst, 3), location);
    }

    private (double Similarity, SourceLocation? Location) NearestPiece(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return (0, null);
        }
        var best = 0.0;
        SourceLocation? bestLocation = null;
        foreach (var source in corpus.Sources)
        {
            var index = corpus.Words(source);
            var anchors = words.Select((w, k) => (w, k))
                .Where(x => x.w.Length > 2 && index.Positions.ContainsKey(x.w))
                .OrderBy(x => index.Positions[x.w].Count)
                .Take(3);
            var tried = new HashSet<int>();
            foreach (var (word, k) in anchors)
            {
                foreach (var position in index.Positions[word].Take(400))
                {
                    var start = position - k;
                    if (!tried.Add(start))
                    {
                        continue;
                    }
                    for (var length = Math.Max(1, words.Count - 3); length <= words.Count + 3; length++)
                    {
                        var from = Math.Max(0, start);
                        var to = Math.Min(index.Count, start + length);
                        if (to <= from)
                        {
                            continue;
                        }
                        var similarity = Similarity(words, index, from, to);
                        if (similarity > best)
                        {
                            best = similarity;
                            var folded = source.Normalized;
                            var (origStart, origLength) = folded.ToOriginal(index.Start(from), index.End(to - 1) - index.Start(from));
                            bestLocation = new SourceLocation(source, origStart, origStart + origLength);
                        }
                    }
                }
            }
        }
        return (best, bestLocation);
    }

    private static double Similarity(IReadOnlyList<string> a, WordIndex b, int from, int to)
    {
        var n = a.Count;
        var m = to - from;
        var previous = new int[m + 1];
        var current = new int[m + 1];
        for (var j = 0; j <= m; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= n; i++)
        {
            current[0] = i;
            for (var j = 1; j <= m; j++)
            {
                var cost = b.Word(from + j - 1).SequenceEqual(a[i - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return 1.0 - previous[m] / (double)Math.Max(n, m);
    }
}
