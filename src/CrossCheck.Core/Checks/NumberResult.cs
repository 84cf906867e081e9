namespace CrossCheck.Checks;

/// <summary>
/// What NumberCheck found for one number of a claim: the source's number, where it stands, and
/// the sentence (or table row) it stands in, so a reason can quote what the source really says.
/// </summary>
public sealed record NumberResult(string Number, NumberMatch Match, string? SourceNumber, SourceLocation? Location, string? SourceContext = null, string? Cell = null)
{
    public string Describe()
    {
        var where = Location is null ? "" : Cell is not null ? $"{Location.Describe()}, {Cell}" : SourceContext is null ? Location.Describe() : $"{Location.Describe()}: \"{SourceContext}\"";
        return Match switch
        {
            NumberMatch.Found => $"number {Number} found ({where})",
            NumberMatch.Conflict => $"number {Number} not in the source, which says {SourceNumber} about the same thing ({where})",
            _ when Location is not null => $"number {Number} not found where the source says what the claim says; {SourceNumber} appears only in another context ({where})",
            _ => $"number {Number} not found in the evidence",
        };
    }
}
