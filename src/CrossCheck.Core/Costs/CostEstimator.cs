using CrossCheck.Evidence;
using CrossCheck.Models;

namespace CrossCheck.Costs;

/// <summary>
/// Estimates a request before it is sent: input tokens as characters / 4 (system prompt, user content and schema),
/// output tokens as a per-stage expectation capped by the request's max tokens. Good enough for a budget check, not a bill.
/// </summary>
public sealed class CostEstimator(PriceTable prices, IReadOnlyDictionary<string, int>? expectedOutputTokens = null)
{
    /// <summary>Expected answer length per stage, in tokens; a stage not listed expects <see cref="FallbackOutputTokens"/>.</summary>
    public static IReadOnlyDictionary<string, int> DefaultExpectedOutputTokens { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["draft"] = 400,
        ["verify"] = 600,
        ["attack"] = 800,
        ["reconcile"] = 700,
    };

    public const int FallbackOutputTokens = 500;

    private readonly PriceTable _prices = prices ?? throw new ArgumentNullException(nameof(prices));
    private readonly IReadOnlyDictionary<string, int> _expected = expectedOutputTokens ?? DefaultExpectedOutputTokens;

    public static int InputTokens(ModelRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TokenEstimator.Estimate(request.SystemPrompt.Length + request.UserContent.Length + (request.JsonSchema?.Length ?? 0));
    }

    public int OutputTokens(ModelRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        int expected = _expected.TryGetValue(request.Stage, out int e) ? e : FallbackOutputTokens;
        return Math.Min(expected, Math.Max(request.MaxTokens, 0));
    }

    public CostEstimate Estimate(PanelistSpec panelist, ModelRequest request)
    {
        ArgumentNullException.ThrowIfNull(panelist);
        int input = InputTokens(request), output = OutputTokens(request);
        return new CostEstimate(input, output, _prices.Cost(panelist.Provider, panelist.Model, input, output));
    }
}
