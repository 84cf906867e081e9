using CrossCheck.Checks;

namespace CrossCheck.Panel;

/// <summary>
/// The one place that decides a claim's final verdict (the README's "Verdict policy" table lists these rules in order):
/// <list type="number">
/// <item>The verify majority is the plurality of the valid verify votes (supported, partially_supported, contradicted,
/// not_in_source); a tie goes to the more severe verdict. not_checkable and failed answers are not votes.</item>
/// <item>The reconciler's last valid verdict stands when it agrees with the majority or there is no majority. It may move
/// the verdict away from the majority only with at least one citation verified on its cited page and passage and not
/// instruction-like; such a move is flagged <see cref="FinalVerdict.Overruled"/>. Otherwise the majority stands, flagged.</item>
/// <item>A reconciler's not_checkable or failed never replaces a valid majority; with no valid verdict at all, a mechanical
/// finding (quote absent, number in conflict) gives the grounding checker's verdict, else the claim is failed.</item>
/// <item>A final supported needs a verified citation from a valid answer that said supported; without one it is capped
/// at the grounding checker's verdict (at least not_in_source).</item>
/// <item>A quote absent from the sources or a number in conflict caps a supported (or a not_checkable) at the grounding
/// checker's verdict (at least contradicted for a number, not_in_source for a quote).</item>
/// </list>
/// </summary>
public static class VerdictPolicy
{
    public static FinalVerdict Decide(IReadOnlyList<PanelAnswer> verifications, IReadOnlyList<PanelAnswer> reconciliations, GroundingResult mechanical)
    {
        var flags = new List<string>();
        foreach (var v in verifications.Where(v => v.UnverifiedSupport && !v.Failed))
        {
            flags.Add($"{v.Panelist.Id} said supported with no verified citation (unverified support)");
        }
        foreach (var v in verifications.Where(v => v.Failed))
        {
            flags.Add($"{v.Panelist.Id} gave no usable verify answer: {v.Error}");
        }
        var absentQuote = mechanical.Quotes.Any(q => q.Match == QuoteMatch.Absent);
        var numberConflict = mechanical.Numbers.Any(n => n.Match == NumberMatch.Conflict);
        var hardFinding = absentQuote || numberConflict;
        var majority = Majority(verifications);
        var overruled = false;
        Verdict verdict;
        string from;

        foreach (var r in reconciliations.Where(r => !r.Failed && r.Verdict is Verdict.NotCheckable))
        {
            flags.Add($"the reconciler {r.Panelist.Id} answered not_checkable: not taken as the final verdict of a checkable claim");
        }
        var reconciled = reconciliations.LastOrDefault(r => !r.Failed && IsValid(r.Verdict));
        if (reconciled?.Citations.Count(c => !c.Verified) is > 0 and var unverified)
        {
            flags.Add($"the reconciler cited {unverified} quote(s) not verified on their cited page and passage");
        }
        if (reconciled is not null && (majority is null || reconciled.Verdict == majority))
        {
            (verdict, from) = (reconciled.Verdict!.Value, "reconcile");
        }
        else if (reconciled is not null && reconciled.CitationsVerified > 0)
        {
            (verdict, from, overruled) = (reconciled.Verdict!.Value, "reconcile (overruled the verify majority)", true);
            flags.Add($"overruled: the reconciler {reconciled.Panelist.Id} moved the verdict from the verify majority {majority!.Value.Name()} to {verdict.Name()}, citing {reconciled.CitationsVerified} verified quote(s)");
        }
        else if (reconciled is not null)
        {
            (verdict, from) = (majority!.Value, "verify majority (reconciler's departure refused)");
            flags.Add($"the reconciler {reconciled.Panelist.Id} said {reconciled.Verdict!.Value.Name()} against the verify majority {majority.Value.Name()} without a citation verified on its cited page and passage: the majority stands");
        }
        else if (majority is { } m)
        {
            (verdict, from) = (m, "verify majority (reconcile failed)");
            flags.Add("reconciliation failed or gave no valid verdict; the final verdict is the verifiers' majority");
        }
        else if (hardFinding)
        {
            flags.Add("no panelist gave a usable verdict; the mechanical checks' finding stands");
            return new FinalVerdict(Cap(mechanical, numberConflict), "grounding checker (panel gave no usable verdict)", flags);
        }
        else if (verifications.Any(v => !v.Failed && v.Verdict == Verdict.NotCheckable))
        {
            return new FinalVerdict(Verdict.NotCheckable, "verify (every usable answer said not_checkable)", flags);
        }
        else
        {
            return new FinalVerdict(Verdict.Failed, "failed", [.. flags, "no panelist gave a usable verdict"]);
        }

        return Guard(verdict, from, flags, verifications, reconciliations, mechanical, overruled);
    }

    /// <summary>
    /// The guards every aggregation rule keeps (rules 4 and 5 above): a final supported needs a verified citation from a
    /// valid answer that said supported, and a quote absent from the sources or a number in conflict caps it.
    /// </summary>
    public static FinalVerdict Guard(Verdict verdict, string from, List<string> flags, IReadOnlyList<PanelAnswer> verifications, IReadOnlyList<PanelAnswer> reconciliations, GroundingResult mechanical, bool overruled = false)
    {
        var absentQuote = mechanical.Quotes.Any(q => q.Match == QuoteMatch.Absent);
        var numberConflict = mechanical.Numbers.Any(n => n.Match == NumberMatch.Conflict);
        var hardFinding = absentQuote || numberConflict;
        var verifiedSupport = verifications.Concat(reconciliations).Any(a => !a.Failed && a.Verdict == Verdict.Supported && a.CitationsVerified > 0);
        if (verdict == Verdict.Supported && !verifiedSupport)
        {
            var capped = Worse(mechanical.Verdict, Verdict.NotInSource);
            flags.Add($"no valid answer backs the panel's \"supported\" with a citation verified on its cited page and passage; the grounding checker says {mechanical.Verdict.Name()}: capped at {capped.Name()}");
            verdict = capped;
            from += " (capped: unverified support)";
            overruled = false;
        }
        if (hardFinding && verdict is Verdict.Supported)
        {
            var capped = Cap(mechanical, numberConflict);
            flags.Add($"the panel said supported, but the mechanical checks found {(absentQuote ? "a quote absent from the sources" : "a number in conflict with the source")}: capped at {capped.Name()}");
            verdict = capped;
            from += " (capped by mechanical checks)";
            overruled = false;
        }
        return new FinalVerdict(verdict, from, flags, overruled);
    }

    /// <summary>The verdict most valid votes give (a plurality; a tie goes to the more severe verdict); null when none is valid.</summary>
    public static Verdict? Majority(IEnumerable<PanelAnswer> answers)
    {
        var votes = answers.Where(a => !a.Failed && IsValid(a.Verdict)).Select(a => a.Verdict!.Value).ToArray();
        return votes.Length == 0
            ? null
            : votes.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Severity()).First().Key;
    }

    /// <summary>A verdict about the claim's truth: not not_checkable, not failed, not missing.</summary>
    public static bool IsValid(Verdict? verdict) => verdict is Verdict.Supported or Verdict.PartiallySupported or Verdict.Contradicted or Verdict.NotInSource;

    private static Verdict Cap(GroundingResult mechanical, bool numberConflict) =>
        Worse(mechanical.Verdict, numberConflict ? Verdict.Contradicted : Verdict.NotInSource);

    private static Verdict Worse(Verdict a, Verdict b) => IsValid(a) && a.Severity() > b.Severity() ? a : b;
}
