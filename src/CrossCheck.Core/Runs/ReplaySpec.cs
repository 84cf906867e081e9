namespace CrossCheck.Runs;

/// <summary>
/// Makes a run a replay of an earlier one: same id and times, every model answer taken from the
/// original log (no provider is called), reports written to <see cref="OutputFolder"/>, and the
/// original log copied beside them.
/// </summary>
public sealed record ReplaySpec(string OriginalLog, string RunId, DateTimeOffset Started, DateTimeOffset Finished, string OutputFolder)
{
    /// <summary>Claims the original run left unchecked (its --max-cost was reached): the replay leaves them unchecked too.</summary>
    public IReadOnlyList<string> UncheckedClaims { get; init; } = [];
}
