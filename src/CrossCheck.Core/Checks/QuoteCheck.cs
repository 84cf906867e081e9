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

    public QuoteResult Check(string quote)
    {
        var pieces = new Claims.QuotedSpan(quote).Pieces;
        if (pieces.Count == 0)
        {
            return new QuoteResult(quote, QuoteMatch.Absent, 0, null);
        }
        foreach (var source in corpus.Sources)
        {
            if (pieces.Count == 1 && FirstInRunningText(source, quote) is var exact and >= 0)
            {
                return new QuoteResult(quote, QuoteMatch.Exact, 1, new SourceLocation(source, exact, exact + quote.Length));
            }
            if (pieces.Count > 1 && FindInOrder(source.Text, pieces, StringComparison.Ordinal) is { } exactPieces)
            {
                return new QuoteResult(quote, QuoteMatch.Exact, 1, new SourceLocation(source, exactPieces.Start, exactPieces.End));
            }
        }
        var foldedPieces = pieces.Select(p => TextNormalizer.Fold(p).Trim('.', ' ', ',', ';', ':')).Where(p => p.Length > 0).ToArray();
        foreach (var source in corpus.Sources)
        {
            var folded = source.Normalized;
            if (HyphenForms(foldedPieces).Select(p => FindInOrder(folded.Text, p, StringComparison.Ordinal)).FirstOrDefault(h => h is not null) is { } hit)
            {
                var (start, length) = folded.ToOriginal(hit.Start, hit.End - hit.Start);
                var found = CollapseWhitespace(source.Text.Substring(start, length));
                // Only line breaks and spacing differ: to a reader that is the same text, verbatim.
                var verbatim = FindInOrder(found, pieces.Select(p => CollapseWhitespace(p).Trim('.', ' ', ',', ';', ':')).ToArray(), StringComparison.Ordinal) is not null;
                return new QuoteResult(quote, verbatim ? QuoteMatch.Exact : QuoteMatch.Normalised, 1, new SourceLocation(source, start, start + length));
            }
        }
        if (foldedPieces.Length == 1 && Interrupted(foldedPieces[0]) is { } split)
        {
            return new QuoteResult(quote, QuoteMatch.Normalised, 1, split);
        }
        return Nearest(quote, foldedPieces);
    }

    /// <summary>
    /// A sentence of the source cut by a float or a page break: its first words end one part,
    /// the rest start the next, and between them stands a figure or table (a caption line) or
    /// the page turns. Both parts must be whole runs of at least three words.
    /// </summary>
    private SourceLocation? Interrupted(string folded)
    {
        var spaces = new List<int>();
        for (var i = 0; i < folded.Length; i++)
        {
            if (folded[i] == ' ')
            {
                spaces.Add(i);
            }
        }
        if (spaces.Count < 6)
        {
            return null;
        }
        foreach (var source in corpus.Sources)
        {
            var text = source.Normalized.Text;
            // The longest run of leading words that stands in the source (shorter runs always do if a longer one does).
            int lo = 2, hi = spaces.Count - 3, longest = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) / 2;
                if (text.Contains(folded[..spaces[mid]], StringComparison.Ordinal))
                {
                    longest = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }
            for (var k = longest; k >= Math.Max(2, longest - 3) && longest >= 0; k--)
            {
                var head = folded[..spaces[k]];
                var tail = folded[(spaces[k] + 1)..];
                var tries = 0;
                for (var at = text.IndexOf(head, StringComparison.Ordinal); at >= 0 && tries++ < 20; at = text.IndexOf(head, at + 1, StringComparison.Ordinal))
                {
                    var end = at + head.Length;
                    var (start, _) = source.Normalized.ToOriginal(at, head.Length);
                    var headPage = source.PageAt(start);
                    var seen = 0;
                    for (var next = text.IndexOf(tail, StringComparison.Ordinal); next >= 0 && seen++ < 20; next = text.IndexOf(tail, next + 1, StringComparison.Ordinal))
                    {
                        var (tailStart, tailLength) = source.Normalized.ToOriginal(next, tail.Length);
                        var tailPage = source.PageAt(tailStart);
                        // Carried over to the next page (wherever that page sets it: a note carried
                        // over is folded with the notes), or past a figure or table on the same page.
                        var turned = tailPage == headPage + 1 && tailStart > start;
                        var floated = next > end && next - end <= MaxGap && tailPage == headPage
                            && source.Normalized.ToOriginal(end, next - end) is var (gapStart, gapLength)
                            && Caption().IsMatch(source.Text.AsSpan(gapStart, gapLength));
                        if (turned || floated)
                        {
                            return new SourceLocation(source, start, tailStart + tailLength);
                        }
                    }
                }
            }
        }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|\n)[ \t]*(?:Table|TABLE|Figure|FIGURE|Fig\.|Exhibit|Listing)[ \t]+[0-9A-Z][0-9A-Z.\-]*[:.]")]
    private static partial System.Text.RegularExpressions.Regex Caption();

    /// <summary>
    /// The quote as written, then with its hyphenated words joined ("fine-tuned" → "finetuned"),
    /// one at a time and all together: a PDF may break a compound at a line end where the
    /// hyphen's nature cannot be told for sure.
    /// </summary>
    private static IEnumerable<string[]> HyphenForms(string[] pieces)
    {
        yield return pieces;
        var hyphens = new List<(int Piece, int At)>();
        for (var p = 0; p < pieces.Length; p++)
        {
            for (var i = 1; i + 1 < pieces[p].Length; i++)
            {
                if (pieces[p][i] == '-' && char.IsLetter(pieces[p][i - 1]) && char.IsLetter(pieces[p][i + 1]))
                {
                    hyphens.Add((p, i));
                }
            }
        }
        if (hyphens.Count == 0)
        {
            yield break;
        }
        var combinations = hyphens.Count <= 4 ? (1 << hyphens.Count) - 1 : 0;
        for (var mask = 1; mask <= combinations; mask++)
        {
            yield return Join(pieces, hyphens.Where((_, k) => (mask & (1 << k)) != 0));
        }
        if (combinations == 0)
        {
            yield return Join(pieces, hyphens);
        }
    }

    private static string[] Join(string[] pieces, IEnumerable<(int Piece, int At)> hyphens)
    {
        var result = pieces.Select(p => p.ToCharArray()).ToArray();
        foreach (var (piece, at) in hyphens)
        {
            result[piece][at] = '\0';
        }
        return result.Select(p => new string(p.Where(c => c != '\0').ToArray())).ToArray();
    }

    /// <summary>The first place the quote stands verbatim, in the running text rather than in a header, footnote or table of contents when it stands in both.</summary>
    private static int FirstInRunningText(Document source, string quote)
    {
        var first = source.Text.IndexOf(quote, StringComparison.Ordinal);
        for (var at = first; at >= 0; at = source.Text.IndexOf(quote, at + 1, StringComparison.Ordinal))
        {
            if (!source.SetAside.Any(a => a.Start <= at && at < a.End))
            {
                return at;
            }
        }
        return first;
    }

    private static string CollapseWhitespace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private (int Start, int End)? FindInOrder(string text, IReadOnlyList<string> pieces, StringComparison comparison)
    {
        var first = text.IndexOf(pieces[0], comparison);
        while (first >= 0)
        {
            var end = first + pieces[0].Length;
            var ok = true;
            for (var i = 1; i < pieces.Count && ok; i++)
            {
                var next = text.IndexOf(pieces[i], end, comparison);
                ok = next >= 0 && next - end <= MaxGap;
                if (ok)
                {
                    end = next + pieces[i].Length;
                }
            }
            if (ok)
            {
                return (first, end);
            }
            first = text.IndexOf(pieces[0], first + 1, comparison);
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
                        var to = Math.Min(index.Words.Count, start + length);
                        if (to <= from)
                        {
                            continue;
                        }
                        var similarity = Similarity(words, index.Words, from, to);
                        if (similarity > best)
                        {
                            best = similarity;
                            var folded = source.Normalized;
                            var (origStart, origLength) = folded.ToOriginal(index.Words[from].Start, index.Words[to - 1].End - index.Words[from].Start);
                            bestLocation = new SourceLocation(source, origStart, origStart + origLength);
                        }
                    }
                }
            }
        }
        return (best, bestLocation);
    }

    private static double Similarity(IReadOnlyList<string> a, IReadOnlyList<(string Word, int Start, int End)> b, int from, int to)
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
                var cost = string.Equals(a[i - 1], b[from + j - 1].Word, StringComparison.Ordinal) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return 1.0 - previous[m] / (double)Math.Max(n, m);
    }
}
