using CrossCheck.Checks;

namespace CrossCheck.Panel;

/// <summary>Names, parses and applies the <see cref="AggregationRule"/>s.</summary>
public static class AggregationRules
{
    public static readonly IReadOnlyList<AggregationRule> All = Enum.GetValues<AggregationRule>();

    /// <summary>The rule's name on the command line, in run.json and in the methodology note: <c>reconciler-with-guards</c>.</summary>
    public static string Name(this AggregationRule rule) => rule switch
    {
        AggregationRule.ReconcilerWithGuards => "reconciler-with-guards",
        AggregationRule.Majority => "majority",
        AggregationRule.Strictest => "strictest",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    public static string Describe(this AggregationRule rule) => rule switch
    {
        AggregationRule.ReconcilerWithGuards => "the reconciler's verdict, which may leave the verify majority only with a citation verified on its cited page and passage",
        AggregationRule.Majority => "the plurality of the panelists' valid verify verdicts (a tie goes to the more severe verdict); the reconciler is not consulted",
        AggregationRule.Strictest => "the most severe valid verify verdict of any panelist",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    public static bool TryParse(string? text, out AggregationRule rule)
    {
        foreach (var r in All)
        {
            if (string.Equals(r.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                rule = r;
                return true;
            }
        }
        rule = default;
        return false;
    }

    /// <summary>The final verdict under <paramref name="rule"/>, with the guards every rule keeps.</summary>
    public static FinalVerdict Decide(AggregationRule rule, IReadOnlyList<PanelAnswer> verifications, IReadOnlyList<PanelAnswer> reconciliations, GroundingResult mechanical)
    {
        if (rule == AggregationRule.ReconcilerWithGuards)
        {
            return VerdictPolicy.Decide(verifications, reconciliations, mechanical);
        }
        var votes = verifications.Where(v => !v.Failed && VerdictPolicy.IsValid(v.Verdict)).Select(v => v.Verdict!.Value).ToArray();
        if (votes.Length == 0)
        {
            // No vote to aggregate: the default policy's fallbacks (mechanical finding, not_checkable, failed) apply as they are.
            var fallback = VerdictPolicy.Decide(verifications, [], mechanical);
            return fallback with { From = $"{rule.Name()}: {fallback.From}" };
        }
        var verdict = rule == AggregationRule.Majority ? VerdictPolicy.Majority(verifications)!.Value : votes.MaxBy(v => v.Severity());
        var flags = new List<string>();
        var from = $"{rule.Name()} of {votes.Length} verify vote(s)";
        return VerdictPolicy.Guard(verdict, from, flags, verifications, reconciliations, mechanical);
    }
}
