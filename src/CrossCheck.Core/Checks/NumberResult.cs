namespace CrossCheck.Checks;

/// <summary>What NumberCheck found for one number of a claim.</summary>
public sealed record NumberResult(string Number, NumberMatch Match, string? SourceNumber, SourceLocation? Location)
{
    public string Describe() => Match switch
    {
        NumberMatch.Found => $"number {Number} found ({Location!.Describe()})",
        NumberMatch.Conflict => $"number {Number} not in the source, which says {SourceNumber} in the same context ({Location!.Describe()})",
        _ => $"number {Number} not found in the evidence",
    };
}
