using CrossCheck.Checks;

namespace CrossCheck.Panel;

/// <summary>
/// A model's citation after the checks: is the quote in the sources (<see cref="Match"/>), does it stand on the page
/// and in the passage the model cited (<see cref="PlaceProblem"/> says where it was found instead), and does it read
/// as an instruction to the checker (<see cref="InstructionLike"/>)? Only a quote that passes all three is verified.
/// </summary>
public sealed record CheckedCitation(
    Citation Citation,
    QuoteMatch Match,
    double Similarity,
    string? Source,
    int? FoundPage,
    string? Section,
    string? PlaceProblem = null,
    bool InstructionLike = false)
{
    /// <summary>The quote stands in some source, verbatim or once normalised (wherever that is).</summary>
    public bool InSources => Match is QuoteMatch.Exact or QuoteMatch.Normalised;

    /// <summary>In the sources, on the cited page and in the cited passage, and not instruction-like: the only kind of citation that counts as evidence.</summary>
    public bool Verified => InSources && PlaceProblem is null && !InstructionLike;

    public string Describe() => Match switch
    {
        _ when InSources && InstructionLike => $"found ({Source} p. {FoundPage}), but it reads as an instruction to the checker: not accepted as evidence",
        _ when InSources && PlaceProblem is not null => PlaceProblem,
        QuoteMatch.Exact or QuoteMatch.Normalised => $"found ({Source} p. {FoundPage})",
        QuoteMatch.Near => $"not verbatim: closest source text is {Similarity:0.00} similar ({Source} p. {FoundPage})",
        _ => "not found in the sources (fabricated or altered)",
    };
}
