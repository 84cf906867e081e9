namespace CrossCheck.Models;

/// <summary>
/// Which claim, stage and panelist the model call on this async flow belongs to, so that events
/// raised deep in the HTTP pipeline (retries, waits, breaker changes) can be logged with them.
/// </summary>
public static class CallScope
{
    private static readonly AsyncLocal<(string Claim, string Stage, string Panelist)?> Value = new();

    public static (string Claim, string Stage, string Panelist)? Current => Value.Value;

    public static IDisposable Enter(string claim, string stage, string panelist)
    {
        var previous = Value.Value;
        Value.Value = (claim, stage, panelist);
        return new Restore(previous);
    }

    private sealed class Restore((string, string, string)? previous) : IDisposable
    {
        public void Dispose() => Value.Value = previous;
    }
}
