namespace CrossCheck.Models;

/// <summary>
/// What one model call is for: the claim, the stage as the log names it and the panelist, plus the round, the prompt
/// template and whether the call holds its own estimate against <c>--max-cost</c>. The middleware around a client
/// (provenance, metering, budget) and events raised deep in the HTTP pipeline (retries, waits, breaker changes) read it.
/// </summary>
public sealed record CallContext(string Claim, string Stage, string Panelist)
{
    public int Round { get; init; }

    public PromptRef? Prompt { get; init; }

    /// <summary>Hold this call's estimate against <c>--max-cost</c> (a call outside a claim's own reservation).</summary>
    public bool Reserve { get; init; }
}

/// <summary>The <see cref="CallContext"/> of the model call on this async flow.</summary>
public static class CallScope
{
    private static readonly AsyncLocal<CallContext?> Value = new();

    public static CallContext? Current => Value.Value;

    public static IDisposable Enter(string claim, string stage, string panelist) => Enter(new CallContext(claim, stage, panelist));

    public static IDisposable Enter(CallContext context)
    {
        var previous = Value.Value;
        Value.Value = context;
        return new Restore(previous);
    }

    private sealed class Restore(CallContext? previous) : IDisposable
    {
        public void Dispose() => Value.Value = previous;
    }
}
