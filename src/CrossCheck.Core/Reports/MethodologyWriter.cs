using System.Globalization;
using System.Text;
using CrossCheck.Agreement;
using CrossCheck.Checks;
using CrossCheck.Runs;

namespace CrossCheck.Reports;

/// <summary>
/// Writes <c>methodology.md</c> from the run's own data: what was checked, how, by which models in
/// which roles, against what, with which result, and how to verify it. It says plainly when no
/// language model took part, and when no cross-model check took place.
/// </summary>
public static class MethodologyWriter
{
    public static void Write(string path, RunResult run, RunSummary summary, string provenanceHash, Provenance.LogSeal? seal = null, Review.HumanReview? review = null) =>
        File.WriteAllText(path, Render(run, summary, provenanceHash, seal, review));

    public static string Render(RunResult run, RunSummary summary, string provenanceHash, Provenance.LogSeal? seal = null, Review.HumanReview? review = null)
    {
        var md = new StringBuilder();
        var panel = run.Options.Panel;
        md.AppendLine("# Methodology").AppendLine();
        md.AppendLine($"This note was written by CrossCheck {run.ProgramVersion} from run `{run.RunId}` ({run.Started:yyyy-MM-dd HH:mm}–{run.Finished:HH:mm} UTC).").AppendLine();
        if (panel.Count == 0)
        {
            md.AppendLine("**No language model took part in this run.** Every verdict comes from CrossCheck's offline grounding checker: " +
                "BM25 retrieval of source passages (Lucene.Net) and mechanical checks of quotes, numbers and section references against the source text. " +
                "No cross-model check took place. Add providers (see the README) to run the multi-model panel.").AppendLine();
        }
        else
        {
            var providers = panel.Select(p => p.Provider).Distinct().Count();
            md.AppendLine($"The claims were checked by a panel of {panel.Count} model(s) from {providers} provider(s), alongside CrossCheck's offline grounding checker (retrieval and mechanical checks, no model):").AppendLine();
            foreach (var p in panel)
            {
                var versions = run.PanelAnswers
                    .Where(a => a.Panelist == p && a.Stats.ModelVersion is not null).Select(a => a.Stats.ModelVersion!).Distinct().ToArray();
                md.AppendLine($"- `{p.Id}` (family {p.Family}{(versions.Length > 0 ? $"; served as {string.Join(", ", versions)}" : "")})");
            }
            md.AppendLine();
            if (panel.Count == 1)
            {
                md.AppendLine("**Only one model took part: no cross-model check took place.** That model drafted, verified, attacked and reconciled every claim itself.").AppendLine();
            }
            else
            {
                md.AppendLine($"For each checkable claim one panelist drafted a precise proposition, every panelist verified it independently against the same evidence without seeing the others' answers, one panelist attacked the majority verdict and another reconciled everything into the final verdict. Roles rotated by a slot drawn from a stable hash of each claim's text and the panel, balanced to within one claim per panelist and role (drafter p[slot], attacker p[slot+1], reconciler p[slot+2], the reconciler never the drafter{(panel.Count > 2 ? " nor the attacker" : "")}); prompts never said which model wrote what. Rounds of attack and reconciliation: {run.Options.PanelOptions.Rounds}{(run.Options.PanelOptions.Rounds > 1 ? " (each later round was shown the earlier rounds' verify votes, attack, reconciliation and resulting verdict, so it reconsidered them rather than repeating them)" : "")}.").AppendLine();
            }
            md.AppendLine("Every quotation a model cited was checked mechanically against the source text; a model's \"supported\" with no citation found in the source is reported as unverified, and a final \"supported\" is capped when a quote of the claim is absent from the sources or a number conflicts with them.").AppendLine();
        }
        md.AppendLine("## Sources").AppendLine();
        foreach (var s in run.Sources)
        {
            md.AppendLine($"- {MarkdownReportWriter.Escape(s.FileName)}: {KindName(s.Kind)}, {s.Pages.Count} page(s), {s.Sections.Count} section heading(s) found, SHA-256 `{s.Sha256}`");
            foreach (var warning in s.Warnings)
            {
                md.AppendLine($"  - **warning:** {MarkdownReportWriter.Escape(warning)}");
            }
        }
        md.AppendLine($"- Essay: {MarkdownReportWriter.Escape(run.Essay.FileName)}, SHA-256 `{run.Essay.Sha256}`");
        foreach (var warning in run.Essay.Warnings)
        {
            md.AppendLine($"  - **warning:** {MarkdownReportWriter.Escape(warning)}");
        }
        md.AppendLine();
        md.AppendLine("## What was checked").AppendLine();
        md.AppendLine($"The essay was cut into {summary.Claims} claims (one per sentence; repeated sentences counted once{(panel.Count > 0 && run.Options.PanelOptions.Extract ? "; plus claims the extraction stage found that quote the essay verbatim" : "")}), of which {summary.Checkable} are checkable and {summary.Claims - summary.Checkable} were judged opinion or interpretation and not checked.");
        md.AppendLine($"The sources were cut into {run.PassageCount} passages; each checkable claim was shown its best passages up to {run.Options.EvidenceTokenBudget:N0} tokens{(panel.Count > 0 ? ", the same evidence for every panelist" : "")}.").AppendLine();
        MethodologyNotes.AppendPreflight(md, run);
        MethodologyNotes.AppendExtraction(md, run);
        md.AppendLine($"- Quotes in the essay: {summary.QuotesVerified} of {summary.Quotes} found in the sources (verbatim or after normalising quotes, dashes, ligatures, hyphenation and spacing).");
        md.AppendLine($"- Numbers in the essay: {summary.NumbersFound} of {summary.Numbers} found in the evidence with a matching unit and precision.");
        md.AppendLine($"- Section references: {summary.SectionsHolding} of {summary.SectionReferences} point to a section that exists and holds the evidence.");
        if (summary.Panel is { } ps)
        {
            md.AppendLine($"- Citations given by the panel while verifying: {ps.CitationsVerified} of {ps.Citations} verified (found in the sources on the cited page and in the cited passage, and not instruction-like); {ps.UnverifiedSupport} \"supported\" vote(s) without a verified citation.");
            if (ps.MisplacedCitations > 0)
            {
                md.AppendLine($"- {ps.MisplacedCitations} citation(s) were found in the sources but not on the cited page or in the cited passage, and did not count as verified.");
            }
            if (ps.InstructionLikeCitations > 0)
            {
                md.AppendLine($"- {ps.InstructionLikeCitations} citation(s) quoted text that reads as an instruction to the checker; they were never accepted as evidence.");
            }
            md.AppendLine($"- Final verdict policy: the reconciler may move a verdict away from the verify majority only with a citation verified on its cited page and passage. Overruled: {ps.Overruled} claim(s); departures refused for lack of such a citation: {ps.RefusedDepartures}.");
            md.AppendLine($"- Model answers: {ps.ModelAnswers} ({ps.FailedAnswers} gave no usable answer — a transport error after the retries, or no valid answer after one repair attempt; {ps.RepairedAnswers} needed a repair), {ps.InputTokens:N0} input and {ps.OutputTokens:N0} output tokens.");
            MethodologyNotes.AppendOrigins(md, run);
            PanelPace.Append(md, run);
            if (ps.CappedByMechanicalChecks > 0)
            {
                md.AppendLine($"- {ps.CappedByMechanicalChecks} final \"supported\" verdict(s) were capped by the mechanical checks.");
            }
        }
        if (summary.Panel is { Usage: { Count: > 0 } usage } degradedCheck)
        {
            md.AppendLine().AppendLine("Roles each panelist actually played (answers that were usable), its failed calls, and roles reassigned away from it:").AppendLine();
            md.AppendLine("| panelist | draft | verify | attack | reconcile | failed calls | reassigned away |").AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var u in usage)
            {
                md.AppendLine($"| {u.Panelist} | {u.Drafts} | {u.Verifies} | {u.Attacks} | {u.Reconciles} | {u.FailedCalls} of {u.Calls} | {u.ReassignedAway} |");
            }
            if (degradedCheck.Degraded)
            {
                md.AppendLine().AppendLine($"**This run was degraded:** {string.Join("; ", degradedCheck.DegradedReasons)}. The rotation described above did not hold for every claim; the table gives the roles really played.");
            }
            md.AppendLine();
        }
        if (summary.Cost is { } cost)
        {
            MethodologyNotes.AppendCost(md, cost);
        }
        if (summary.UncheckedClaims.Count > 0)
        {
            md.AppendLine().AppendLine($"**This run is incomplete:** it stopped at its cost budget (--max-cost {run.Options.MaxCost?.ToString(CultureInfo.InvariantCulture)} USD) before the panel checked {summary.UncheckedClaims.Count} claim(s): {string.Join(", ", summary.UncheckedClaims)}. Those claims carry only the offline grounding checker's verdict.");
        }
        md.AppendLine().AppendLine("## Results").AppendLine();
        foreach (var v in VerdictNames.All)
        {
            md.AppendLine($"- {v.Name()}: {summary.ByVerdict[v.Name()]}");
        }
        md.AppendLine();
        if (summary.Panel is { } p2 && panel.Count > 1)
        {
            var a = p2.Agreement;
            md.AppendLine("## Agreement between the models").AppendLine();
            md.AppendLine($"Over the verify verdicts of {a.Panelists} panelists on {a.Claims.Count} claims (not_checkable: {a.NotCheckableVerdicts} and failed: {a.FailedVerdicts} verdicts left out): unanimous {a.Count(AgreementClass.Unanimous)}, majority {a.Count(AgreementClass.Majority)}, split {a.Count(AgreementClass.Split)} claims.");
            md.AppendLine($"- Fleiss' kappa: {Figure(a.Fleiss.Kappa, a.Fleiss.UndefinedReason)} (n = {a.Fleiss.Claims} claims rated by every panelist)");
            md.AppendLine($"- Krippendorff's alpha (nominal): {Figure(a.AlphaNominal.Alpha, a.AlphaNominal.UndefinedReason)} ({a.AlphaNominal.PairableValues} pairable values); ordinal: {Figure(a.AlphaOrdinal.Alpha, a.AlphaOrdinal.UndefinedReason)}");
            foreach (var pair in a.Pairwise)
            {
                md.AppendLine($"- Cohen's kappa {pair.PanelistA} × {pair.PanelistB}: {Figure(pair.Figure.Kappa, pair.Figure.UndefinedReason)} (n = {pair.Figure.Claims})");
            }
            foreach (var sp in a.SelfPreference)
            {
                md.AppendLine($"- Self-preference, {sp.Family}: supported rate on own-family drafts {Rate(sp.SameFamily)} vs others' {Rate(sp.OtherFamilies)}: difference {Figure(sp.Difference, sp.UndefinedReason)}");
            }
            md.AppendLine().AppendLine("Figures resting on few claims are fragile; the counts are given so a reader can judge.").AppendLine();
        }
        if (panel.Count == 0)
        {
            md.AppendLine("Verdicts are the most severe finding of the checks for each claim; \"supported\" from the grounding checker means the claim's words, numbers and quotes were found in the cited context, not that its meaning was understood.").AppendLine();
        }
        md.AppendLine("## Human review").AppendLine();
        if (review is null)
        {
            md.AppendLine($"No editor has reviewed this run's findings: 0 of {summary.Claims} claims reviewed, {summary.Claims} unreviewed. Mark them in report.html, export the decisions and record them with `crosscheck review <run folder> <decisions.json>`.").AppendLine();
        }
        else
        {
            HumanReviewText.AppendSummary(md, review, run.Outcomes.Select(ClaimRecord.From).ToArray());
            md.AppendLine("Each decision is a `human` record in the provenance log (reviewer, time), closed by a `review_end` record; the log's head hash below includes them.").AppendLine();
        }
        if (run.Prompts.Count > 0)
        {
            md.AppendLine("## Prompts").AppendLine();
            foreach (var t in run.Prompts)
            {
                md.AppendLine($"- {t.Id}: SHA-256 `{t.Hash[..16]}…`, temperature {t.Temperature?.ToString(CultureInfo.InvariantCulture) ?? "provider default"}, max {t.MaxTokens} tokens");
            }
            md.AppendLine();
        }
        md.AppendLine("## Verify").AppendLine();
        md.AppendLine($"Every step is recorded in `provenance.jsonl` (one hash-chained record per line, its format version in each record's `v`; last record hash `{provenanceHash}`). Check the chain with `crosscheck verify-log <run folder>` (this run: `{run.RunId}`); `crosscheck replay <run folder>` rebuilds every report from the log without calling any model.");
        if (seal is { IsSigned: true })
        {
            md.AppendLine().AppendLine($"The last record hash is signed ({seal.Algorithm}) by this installation's key `{seal.KeyId}`; the signature and the public key are in run.json under `log`. Pin the key (`crosscheck key export > key.pem`) and check with `crosscheck verify-log <run folder> --key key.pem`. The signature proves the log is unchanged since this key signed it; it does not prove that the key's owner ran the checks honestly.");
        }
        if (run.Options.CommandLine.Length > 0)
        {
            md.AppendLine().AppendLine("Command:").AppendLine().AppendLine($"    {run.Options.CommandLine}");
        }
        return md.ToString();
    }

    private static string KindName(Ingest.DocumentKind kind) => kind switch
    {
        Ingest.DocumentKind.Pdf => "PDF",
        Ingest.DocumentKind.Html => "HTML",
        Ingest.DocumentKind.PlainText => "plain text",
        Ingest.DocumentKind.Docx => "Word (.docx)",
        _ => kind.ToString(),
    };

    private static string Figure(double? value, string? reason) =>
        value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : $"undefined ({reason})";

    private static string Rate(SupportRate rate) =>
        rate.Rate is { } r ? $"{r.ToString("0.00", CultureInfo.InvariantCulture)} ({rate.Supported}/{rate.Verdicts})" : $"n/a (0/{rate.Verdicts})";
}
