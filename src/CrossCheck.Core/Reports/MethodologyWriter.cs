using System.Text;
using CrossCheck.Checks;
using CrossCheck.Running;

namespace CrossCheck.Reports;

/// <summary>
/// Writes <c>methodology.md</c> from the run's own data: what was checked, how, against what,
/// with which result, and how to verify it. It says plainly when no language model took part.
/// </summary>
public static class MethodologyWriter
{
    public static void Write(string path, RunResult run, RunSummary summary, string provenanceHash)
    {
        var md = new StringBuilder();
        md.AppendLine("# Methodology").AppendLine();
        md.AppendLine($"This note was written by CrossCheck {run.ProgramVersion} from run `{run.RunId}` ({run.Started:yyyy-MM-dd HH:mm}–{run.Finished:HH:mm} UTC).").AppendLine();
        md.AppendLine("**No language model took part in this run.** Every verdict comes from CrossCheck's offline grounding checker: " +
            "BM25 retrieval of source passages (Lucene.Net) and mechanical checks of quotes, numbers and section references against the source text. " +
            "No cross-model check took place. Add providers (see the README) to run the multi-model panel.").AppendLine();
        md.AppendLine("## Sources").AppendLine();
        foreach (var s in run.Sources)
        {
            md.AppendLine($"- {MarkdownReportWriter.Escape(s.FileName)}: {s.Kind}, {s.Pages.Count} page(s), {s.Sections.Count} section heading(s) found, SHA-256 `{s.Sha256}`");
        }
        md.AppendLine($"- Essay: {MarkdownReportWriter.Escape(run.Essay.FileName)}, SHA-256 `{run.Essay.Sha256}`").AppendLine();
        md.AppendLine("## What was checked").AppendLine();
        md.AppendLine($"The essay was cut into {summary.Claims} claims (one per sentence; repeated sentences counted once), of which {summary.Checkable} are checkable and {summary.ByVerdict[Verdict.NotCheckable.Name()]} were judged opinion or interpretation and not checked.");
        md.AppendLine($"The sources were cut into {run.PassageCount} passages; each checkable claim was shown its best passages up to {run.Options.EvidenceTokenBudget:N0} tokens.").AppendLine();
        md.AppendLine($"- Quotes: {summary.QuotesVerified} of {summary.Quotes} found in the sources (verbatim or after normalising quotes, dashes, ligatures, hyphenation and spacing).");
        md.AppendLine($"- Numbers: {summary.NumbersFound} of {summary.Numbers} found in the evidence with a matching unit and precision.");
        md.AppendLine($"- Section references: {summary.SectionsHolding} of {summary.SectionReferences} point to a section that exists and holds the evidence.").AppendLine();
        md.AppendLine("## Results").AppendLine();
        foreach (var v in VerdictNames.All)
        {
            md.AppendLine($"- {v.Name()}: {summary.ByVerdict[v.Name()]}");
        }
        md.AppendLine();
        md.AppendLine("Verdicts are the most severe finding of the checks for each claim; \"supported\" from the grounding checker means the claim's words, numbers and quotes were found in the cited context, not that its meaning was understood.").AppendLine();
        md.AppendLine("## Verify").AppendLine();
        md.AppendLine($"Every step is recorded in `provenance.jsonl` (format v1, hash-chained; last record hash `{provenanceHash}`).");
        if (run.Options.CommandLine.Length > 0)
        {
            md.AppendLine().AppendLine("Command:").AppendLine().AppendLine($"    {run.Options.CommandLine}");
        }
        File.WriteAllText(path, md.ToString());
    }
}
