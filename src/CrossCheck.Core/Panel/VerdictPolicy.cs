using CrossCheck.Checks;

namespace CrossCheck.Panel;

/// <summary>
/// The one place that decides a claim's final verdict from the mechanical findings, the verify votes and the
/// reconciliations (issue 9 grows the rules here). Today's rule: the last usable reconciliation; else the majority
/// of usable verify votes; else failed. Mechanical facts cap it: with a quote absent from the sources or a number in
/// conflict, or with no verified citation behind it, a "supported" cannot stand and becomes the grounding checker's verdict.
/// </summary>
public static class VerdictPolicy
{
    public static FinalVerdict Decide(IReadOnlyList<PanelAnswer> verifications, IReadOnlyList<PanelAnswer> reconciliations, GroundingResult mechanical)
    {
        var flags = new List<string>();
        foreach (var v in verifications.Where(v => v.UnverifiedSupport))
        {
            flags.Add($"{v.Panelist.Id} said supported with no verified citation (unverified support)");
        }
        foreach (var v in verifications.Where(v => v.Failed))
        {
            flags.Add($"{v.Panelist.Id} gave no usable verify answer: {v.Error}");
        }
        Verdict verdict;
        string from;
        if (reconciliations.LastOrDefault(r => r.Verdict is not null) is { } reconciled)
        {
            verdict = reconciled.Verdict!.Value;
            from = "reconcile";
            if (reconciled.Citations.Count > 0 && reconciled.CitationsVerified < reconciled.Citations.Count)
            {
                flags.Add($"the reconciler cited {reconciled.Citations.Count - reconciled.CitationsVerified} quote(s) not found in the sources");
            }
        }
        else if (Majority(verifications) is { } majority)
        {
            verdict = majority;
            from = "verify majority (reconcile failed)";
            flags.Add("reconciliation failed; the final verdict is the verifiers' majority");
        }
        else
        {
            return new FinalVerdict(Verdict.Failed, "failed", [.. flags, "no panelist gave a usable verdict"]);
        }
        var verifiedSupport = verifications.Any(v => v.Verdict == Verdict.Supported && v.CitationsVerified > 0)
            || reconciliations.Any(r => r.Verdict == Verdict.Supported && r.CitationsVerified > 0);
        if (verdict == Verdict.Supported && !verifiedSupport && mechanical.Verdict.Severity() > verdict.Severity())
        {
            flags.Add($"no citation found in the source backs the panel's \"supported\", and the grounding checker says {mechanical.Verdict.Name()}: capped at {mechanical.Verdict.Name()}");
            return new FinalVerdict(mechanical.Verdict, from + " (capped: unverified support)", flags);
        }
        var hardFailure = mechanical.Quotes.Any(q => q.Match == QuoteMatch.Absent) || mechanical.Numbers.Any(n => n.Match == NumberMatch.Conflict);
        if (hardFailure && verdict == Verdict.Supported && mechanical.Verdict.Severity() > verdict.Severity())
        {
            flags.Add($"the panel said supported, but the mechanical checks found {(mechanical.Quotes.Any(q => q.Match == QuoteMatch.Absent) ? "a quote absent from the sources" : "a number in conflict with the source")}: capped at {mechanical.Verdict.Name()}");
            verdict = mechanical.Verdict;
            from += " (capped by mechanical checks)";
        }
        return new FinalVerdict(verdict, from, flags);
    }

    /// <summary>The verdict most usable votes give (a plurality; a tie goes to the more severe verdict); null when none is usable.</summary>
    public static Verdict? Majority(IEnumerable<PanelAnswer> answers)
    {
        var votes = answers.Where(a => a.Verdict is { } v && v != Verdict.Failed).Select(a => a.Verdict!.Value).ToArray();
        return votes.Length == 0
            ? null
            : votes.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Severity()).First().Key;
    }
}
