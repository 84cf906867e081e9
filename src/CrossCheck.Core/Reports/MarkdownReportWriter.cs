using System.Text;
using CrossCheck.Checks;
using CrossCheck.Runs;

namespace CrossCheck.Reports;

/// <summary>Writes <c>report.md</c>: the counts, then the claims grouped by verdict, worst first, each with its reasons and evidence.</summary>
public static class MarkdownReportWriter
{
    private static readonly Verdict[] Order =
    [
        Verdict.Contradicted, Verdict.NotInSource, Verdict.PartiallySupported, Verdict.Failed, Verdict.Supported, Verdict.NotCheckable,
    ];

    private const string GroundingPanelist = GroundingChecker.PanelistName;

    public static void Write(string path, RunResult run, IReadOnlyList<ClaimRecord> claims, RunSummary summary, Review.HumanReview? review = null)
    {
        var md = new StringBuilder();
        md.AppendLine($"# CrossCheck report: {Escape(run.Essay.FileName)}").AppendLine();
        md.AppendLine($"Run `{run.RunId}`, {run.Finished:yyyy-MM-dd HH:mm} UTC. Sources: {string.Join(", ", run.Sources.Select(s => $"{Escape(s.FileName)} ({s.Pages.Count} p.)"))}.").AppendLine();
        foreach (var doc in run.Sources.Prepend(run.Essay).Where(d => d.Warnings.Count > 0))
        {
            md.AppendLine($"**Warning, {Escape(doc.FileName)}:** {Escape(string.Join("; ", doc.Warnings))}").AppendLine();
        }
        if (summary.UncheckedClaims.Count > 0)
        {
            md.AppendLine($"**INCOMPLETE: the run stopped at its --max-cost budget. {summary.UncheckedClaims.Count} checkable claim(s) were not checked by the panel: {string.Join(", ", summary.UncheckedClaims)}.** Their verdicts below are the offline grounding checker's only.").AppendLine();
        }
        if (summary.Cost is { } cost)
        {
            md.AppendLine($"Panel cost: {cost.Calls} model calls, {cost.InputTokens:N0} input and {cost.OutputTokens:N0} output tokens, {CostText(cost)}.").AppendLine();
        }
        md.AppendLine("| verdict | claims |").AppendLine("|---|---:|");
        foreach (var v in Order)
        {
            md.AppendLine($"| {v.Name()} | {summary.ByVerdict[v.Name()]} |");
        }
        md.AppendLine($"| **total** | **{summary.Claims}** |").AppendLine();
        md.AppendLine($"Quotes verified: {summary.QuotesVerified}/{summary.Quotes}. Numbers found in the evidence: {summary.NumbersFound}/{summary.Numbers}. Section references holding: {summary.SectionsHolding}/{summary.SectionReferences}.").AppendLine();
        if (review is not null)
        {
            HumanReviewText.AppendSummary(md, review, claims);
        }
        foreach (var v in Order)
        {
            var group = claims.Where(c => c.FinalVerdict == v).ToArray();
            if (group.Length == 0)
            {
                continue;
            }
            md.AppendLine($"## {v.Name()} ({group.Length})").AppendLine();
            foreach (var c in group)
            {
                var lines = string.Join(", ", c.Occurrences.Select(o => o.Line));
                md.AppendLine($"### {c.Id} (line {lines}, {c.Kind})").AppendLine();
                md.AppendLine($"> {Escape(c.Text)}").AppendLine();
                if (review?.For(c.Id) is { } human)
                {
                    md.AppendLine($"**Human review:** {HumanReviewText.Describe(human)}").AppendLine();
                }
                foreach (var reason in c.Grounding.Reasons)
                {
                    md.AppendLine($"- {Escape(reason)}");
                }
                if (c.Panel is { } panel)
                {
                    if (panel.Overruled)
                    {
                        md.AppendLine().AppendLine("**Overruled:** the reconciler moved the final verdict away from the verify majority, citing a quote verified on its cited page and passage.");
                    }
                    md.AppendLine().AppendLine($"Panel ({Escape(panel.FinalFrom)}; agreement {Escape(panel.AgreementLabel)}; citations verified {panel.CitationsVerified}): drafter {Escape(panel.Drafter)}, attacker {Escape(panel.Attacker)}, reconciler {Escape(panel.Reconciler)}.").AppendLine();
                    md.AppendLine("| panelist | verdict | citations verified | rationale |").AppendLine("|---|---|---|---|");
                    if (review?.For(c.Id) is { } h)
                    {
                        md.AppendLine($"| human ({Escape(h.Reviewer)}) | {h.Verdict?.Name() ?? "no verdict"} | | {Escape(Review.HumanDecisionNames.Name(h.Decision) + (h.Note is { } note ? ": " + note : ""))} |");
                    }
                    md.AppendLine($"| {GroundingPanelist} | {c.Grounding.Verdict.Name()} | | mechanical checks |");
                    foreach (var a in panel.Verifications)
                    {
                        md.AppendLine($"| {Escape(a.Panelist)} | {(a.Verdict ?? Verdict.Failed).Name()}{(a.UnverifiedSupport ? " (unverified)" : "")} | {a.CitationsVerified} | {Escape(a.Error ?? a.Rationale ?? "")} |");
                    }
                    foreach (var attack in panel.Attacks.Where(x => x.Error is null))
                    {
                        md.AppendLine().AppendLine($"Attack (round {attack.Round}, {Escape(attack.Panelist)}): proposes {attack.Verdict?.Name()}.");
                    }
                    if (panel.Reconciliations.LastOrDefault() is { } rec)
                    {
                        md.AppendLine().AppendLine($"Reconciliation ({Escape(rec.Panelist)}): {(rec.Verdict ?? Verdict.Failed).Name()}. {Escape(rec.Error ?? rec.Rationale ?? "")}");
                    }
                    if (panel.SuggestedCorrection is { } fix)
                    {
                        md.AppendLine().AppendLine($"Suggested wording: {Escape(fix)}");
                    }
                    foreach (var flag in panel.Flags)
                    {
                        md.AppendLine($"- flag: {Escape(flag)}");
                    }
                }
                if (c.Grounding.BestEvidence is { } best && v != Verdict.NotCheckable)
                {
                    md.AppendLine().AppendLine($"Evidence, {Escape(best.Source)} p. {best.Page}{(best.Section is null ? "" : $", § {Escape(best.Section)}")}:").AppendLine();
                    md.AppendLine($"> {Escape(LocationRecord.Excerpt(best.Text, 400))}");
                }
                md.AppendLine();
            }
        }
        File.WriteAllText(path, md.ToString());
    }

    public static string CostText(CostSummary cost) =>
        $"US${cost.CostUsd.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture)}" + (cost.UnpricedCalls > 0 ? $" for priced models ({cost.UnpricedCalls} call(s) to models with no price in the table are not counted)" : "");

    /// <summary>Keeps essay, source and model text from being read as Markdown or HTML.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '<' or '>' or '*' or '_' or '`' or '[' or ']' or '|' or '#' or '\\')
            {
                sb.Append('\\');
            }
            sb.Append(ch is '\n' or '\r' ? ' ' : ch);
        }
        return sb.ToString();
    }
}
