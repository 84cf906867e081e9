namespace CrossCheck.Server.Runs;

/// <summary>
/// What asking for a claim's lease gave: the attempt number when this worker now holds it; otherwise whether the claim
/// is done already, or how long another worker's lease has left.
/// </summary>
public sealed record ClaimTake(int? Attempt, bool Done, TimeSpan LeaseLeft)
{
    public bool Taken => Attempt is not null;
}
