using CrossCheck.Ingest;

namespace CrossCheck.Checks;

/// <summary>What QuoteCheck forgives of a PDF's layout: hyphens at line ends, and sentences cut by a float or a page turn.</summary>
public sealed partial class QuoteCheck
{
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
            var words = corpus.Words(source);
            // The longest run of leading words that stands in the source (shorter runs always do if a longer one does).
            int lo = 2, hi = spaces.Count - 3, longest = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) / 2;
                if (words.Occurrences(folded[..spaces[mid]]).Any())
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
                foreach (var at in words.Occurrences(head).Take(20))
                {
                    var end = at + head.Length;
                    var (start, _) = source.Normalized.ToOriginal(at, head.Length);
                    var headPage = source.PageAt(start);
                    foreach (var next in words.Occurrences(tail).Take(20))
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
}
