using CrossCheck.Checks;

namespace CrossCheck.Panel;

/// <summary>A model's citation after QuoteCheck: is the quote really in the source, and on the page it claims?</summary>
public sealed record CheckedCitation(Citation Citation, QuoteMatch Match, double Similarity, string? Source, int? FoundPage, string? Section)
{
    public bool Verified => Match is QuoteMatch.Exact or QuoteMatch.Normalised;

    public bool PageMatches => Citation.Page is null || FoundPage is null || Citation.Page == FoundPage;

    public string Describe() => Match switch
    {
        QuoteMatch.Exact or QuoteMatch.Normalised => PageMatches
            ? $"found ({Source} p. {FoundPage})"
            : $"found, but on p. {FoundPage}, not p. {Citation.Page} as cited",
        QuoteMatch.Near => $"not verbatim: closest source text is {Similarity:0.00} similar ({Source} p. {FoundPage})",
        _ => "not found in the sources (fabricated or altered)",
    };
}
