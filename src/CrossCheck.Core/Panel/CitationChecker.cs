using CrossCheck.Checks;
using CrossCheck.Claims;
using CrossCheck.Evidence;
using CrossCheck.Ingest;
using CrossCheck.Safety;

namespace CrossCheck.Panel;

/// <summary>
/// Checks a model's citation where the model says it stands, not only somewhere in the corpus: the quote must be in
/// the sources (<see cref="QuoteCheck"/>), in the cited passage (E1, E2… of the evidence the model was shown) and on
/// the cited page; and neither the quote nor the sentence it stands in may read as an instruction to the checker
/// (<see cref="InstructionDetector"/>). A quote found elsewhere is "found on p. N, not on the cited p. M". A quote that
/// stands verbatim at several places (a table row repeated in several tables) is located at the cited passage or page
/// when it stands there, so the page and section reported are the ones the model pointed at.
/// </summary>
public sealed class CitationChecker(QuoteCheck quotes)
{
    /// <summary>Characters either side of a page or passage allowed for a quote that runs across its edge.</summary>
    private const int EdgeMargin = 160;

    public CheckedCitation Check(Citation citation, IReadOnlyList<Passage>? evidence)
    {
        var cited = Cited(citation.PassageId, evidence);
        var r = quotes.Check(citation.Quote, cited is null && citation.Page is null ? null : (source, at) => At(cited, citation.Page, source, at));
        var location = r.Location;
        var checkedCitation = new CheckedCitation(citation, r.Match, r.Similarity, location?.Source.FileName, location?.Page, location?.Section?.Label);
        if (!checkedCitation.InSources || location is null)
        {
            return checkedCitation with { InstructionLike = InstructionDetector.IsInstructionLike(citation.Quote) };
        }
        var pieces = new QuotedSpan(citation.Quote).Pieces.Select(p => TextNormalizer.Fold(p).Trim('.', ' ', ',', ';', ':')).Where(p => p.Length > 0).ToArray();
        string? problem = null;
        if (cited is { } passage && !Holds(passage.Source, passage.Start, passage.End, pieces))
        {
            problem = $"found on p. {location.Page} ({location.Source.FileName}), not in the cited passage {citation.PassageId} (p. {passage.Page})";
        }
        else if (citation.Page is { } page && !quotes.Corpus.Sources.Any(s => OnPage(s, page, pieces)))
        {
            problem = $"found on page {location.Page}, not on the cited page {page} ({location.Source.FileName})";
        }
        var context = Sentence(location);
        return checkedCitation with
        {
            PlaceProblem = problem,
            InstructionLike = InstructionDetector.IsInstructionLike(citation.Quote) || InstructionDetector.IsInstructionLike(context),
        };
    }

    /// <summary>Whether a place (source, offset) is where the citation points: in its cited passage, or on its cited page.</summary>
    private static bool At(Passage? cited, int? page, Document source, int at)
    {
        if (cited is not null)
        {
            return ReferenceEquals(cited.Source, source) && at >= cited.Start && at < cited.End;
        }
        return page is { } n && source.PageAt(at) == n;
    }

    private static Passage? Cited(string? passageId, IReadOnlyList<Passage>? evidence)
    {
        if (evidence is null || passageId is null || passageId.Length < 2 || char.ToUpperInvariant(passageId[0]) != 'E'
            || !int.TryParse(passageId.AsSpan(1), out var n) || n < 1 || n > evidence.Count)
        {
            return null;
        }
        return evidence[n - 1];
    }

    private static bool OnPage(Document source, int page, string[] pieces) =>
        source.Pages.Count == 0
            ? page == 1 && Holds(source, 0, source.Text.Length, pieces)
            : source.Pages.Where(p => p.Number == page).Any(p => Holds(source, p.Start, p.End, pieces));

    /// <summary>Every piece of the quote, folded, stands in the folded text of [start, end) widened by <see cref="EdgeMargin"/>.</summary>
    private static bool Holds(Document source, int start, int end, string[] pieces)
    {
        var from = Math.Max(0, start - EdgeMargin);
        var to = Math.Min(source.Text.Length, end + EdgeMargin);
        var folded = TextNormalizer.Fold(source.Text[from..to]);
        return pieces.All(p => folded.Contains(p, StringComparison.Ordinal));
    }

    /// <summary>The sentence (or line) the quote stands in: an injected instruction next to the quoted words taints them.</summary>
    private static string Sentence(SourceLocation location)
    {
        var text = location.Source.Text;
        var start = location.Start;
        while (start > 0 && location.Start - start < 400 && text[start - 1] is not ('.' or '\n' or '!' or '?'))
        {
            start--;
        }
        var end = location.End;
        if (end > location.Start && text[end - 1] is '.' or '!' or '?')
        {
            return text[start..end];
        }
        while (end < text.Length && end - location.End < 400 && text[end] is not ('.' or '\n' or '!' or '?'))
        {
            end++;
        }
        return text[start..Math.Min(text.Length, end + 1)];
    }
}
