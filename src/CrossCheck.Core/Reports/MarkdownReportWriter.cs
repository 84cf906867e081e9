using System.Text;
using CrossCheck.Checks;
using CrossCheck.Running;

namespace CrossCheck.Reports;

/// <summary>Writes <c>report.md</c>: the counts, then the claims grouped by verdict, worst first, each with its reasons and evidence.</summary>
public static class MarkdownReportWriter
{
    private static readonly Verdict[] Order =
    [
        Verdict.Contradicted, Verdict.NotInSource, Verdict.PartiallySupported, Verdict.Failed, Verdict.Supported, Verdict.NotCheckable,
    ];

    public static void Write(string path, RunResult run, IReadOnlyList<ClaimRecord> claims, RunSummary summary)
    {
        var md = new StringBuilder();
        md.AppendLine($"# CrossCheck report: {Escape(run.Essay.FileName)}").AppendLine();
        md.AppendLine($"Run `{run.RunId}`, {run.Finished:yyyy-MM-dd HH:mm} UTC. Sources: {string.Join(", ", run.Sources.Select(s => $"{Escape(s.FileName)} ({s.Pages.Count} p.)"))}.").AppendLine();
        md.AppendLine("| verdict | claims |").AppendLine("|---|---:|");
        foreach (var v in Order)
        {
            md.AppendLine($"| {v.Name()} | {summary.ByVerdict[v.Name()]} |");
        }
        md.AppendLine($"| **total** | **{summary.Claims}** |").AppendLine();
        md.AppendLine($"Quotes verified: {summary.QuotesVerified}/{summary.Quotes}. Numbers found in the evidence: {summary.NumbersFound}/{summary.Numbers}. Section references holding: {summary.SectionsHolding}/{summary.SectionReferences}.").AppendLine();
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
                foreach (var reason in c.Grounding.Reasons)
                {
                    md.AppendLine($"- {Escape(reason)}");
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
