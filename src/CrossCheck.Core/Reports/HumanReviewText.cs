using System.Globalization;
using System.Text;
using CrossCheck.Agreement;
using CrossCheck.Checks;
using CrossCheck.Review;

namespace CrossCheck.Reports;

/// <summary>The editor's review as report.md and methodology.md state it: counts, decisions, and Cohen's κ with the counts behind it.</summary>
public static class HumanReviewText
{
    public static HumanAgreement Agreement(HumanReview review, IReadOnlyList<ClaimRecord> claims) =>
        HumanAgreement.Compute(review, claims.Select(c => (c.Id, c.FinalVerdict, c.Verdicts)).ToArray());

    public static string Describe(HumanDecision d) =>
        $"{d.Decision.Name().Replace('_', ' ')}{(d.Verdict is { } v ? $" (verdict {v.Name()})" : "")} by {MarkdownReportWriter.Escape(d.Reviewer)}, {d.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}{(d.Note is { } n ? ": " + MarkdownReportWriter.Escape(n) : "")}";

    /// <summary>Reviewed and unreviewed counts, the decisions, and κ of human × final and × each rater.</summary>
    public static void AppendSummary(StringBuilder md, HumanReview review, IReadOnlyList<ClaimRecord> claims)
    {
        var h = Agreement(review, claims);
        md.AppendLine($"Human review by {MarkdownReportWriter.Escape(string.Join(", ", review.Reviewers))}: {h.Reviewed} of {h.Claims} claims reviewed, {h.Unreviewed} unreviewed; " +
            $"agree {h.Count(HumanDecisionKind.Agree)}, false alarm {h.Count(HumanDecisionKind.FalseAlarm)}, fixed {h.Count(HumanDecisionKind.Fixed)}, note only {h.Count(HumanDecisionKind.Note)} " +
            $"({review.All.Count} decision record(s) in the log; the latest per claim counts).").AppendLine();
        md.AppendLine($"- Cohen's kappa, human × final verdict: {Kappa(h.VersusFinal)}");
        foreach (var pair in h.VersusRaters)
        {
            md.AppendLine($"- Cohen's kappa, human × {pair.PanelistB}: {Kappa(pair.Figure)}");
        }
        md.AppendLine().AppendLine("A decision stands for a verdict: agree and fixed keep the final verdict, a false alarm means supported (unless the editor named another), a note alone judges nothing. Only claims with a usable verdict on both sides count.").AppendLine();
    }

    public static string Kappa(KappaFigure k) =>
        (k.Kappa is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : $"undefined ({k.UndefinedReason})")
        + $" (n = {k.Claims} claims{(k.ObservedAgreement is { } po ? $", observed agreement {po.ToString("0.00", CultureInfo.InvariantCulture)}" : "")})";
}
