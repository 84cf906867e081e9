namespace CrossCheck.Claims;

/// <summary>A quotation inside a claim, as written (without its quote marks).</summary>
public sealed record QuotedSpan(string Text)
{
    /// <summary>The pieces of a quote with an ellipsis ("a ... b"), in order; one piece otherwise.</summary>
    public IReadOnlyList<string> Pieces =>
        Text.Split(["...", "\u2026", "[...]", "[\u2026]"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Trim('[', ']', ' '))
            .Where(p => p.Length > 0)
            .ToArray();
}
