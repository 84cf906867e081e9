using System.Globalization;
using System.Text;
using CrossCheck.Checks;
using CrossCheck.Reports.Ci;
using CrossCheck.Runs;

namespace CrossCheck.Cli;

/// <summary>
/// Under GitHub Actions (<c>GITHUB_ACTIONS=true</c>): one workflow-command annotation per problem claim at its essay
/// line (<c>::error file=…,line=…::</c>), and a Markdown job summary appended to <c>$GITHUB_STEP_SUMMARY</c>.
/// </summary>
public static class GitHubActions
{
    public static bool Active(IReadOnlyDictionary<string, string?> environment) =>
        string.Equals(environment.GetValueOrDefault("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Command(Verdict verdict) => verdict switch
    {
        Verdict.Contradicted => "error",
        Verdict.NotInSource or Verdict.PartiallySupported => "warning",
        _ => "notice",
    };

    /// <summary>The annotation lines; <paramref name="essayFile"/> is relative to the workspace, or null for stdin (annotations without a file).</summary>
    /// <param name="withLines">False for a Word or PDF essay, whose lines are those of its extracted text, not of the file.</param>
    public static IEnumerable<string> Annotations(IReadOnlyList<ProblemClaim> problems, string? essayFile, bool withLines = true)
    {
        foreach (var p in problems)
        {
            var where = essayFile is null ? "" : !withLines ? $"file={Property(essayFile)},"
                : $"file={Property(essayFile)},line={p.Line},col={p.Column},endLine={p.EndLine},endColumn={p.EndColumn},";
            yield return $"::{Command(p.Verdict)} {where}title={Property($"CrossCheck {p.Id}: {p.Verdict.Name()}")}::{Data(SarifWriter.Message(p))}";
        }
    }

    public static string JobSummary(RunResult run, IReadOnlyList<ProblemClaim> problems, int exitCode, string exitReason)
    {
        var ci = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## CrossCheck: {run.Outcomes.Count} claims, {problems.Count} to look at");
        md.AppendLine();
        md.AppendLine("| verdict | claims |").AppendLine("|---|---:|");
        foreach (var v in VerdictNames.All)
        {
            md.AppendLine(ci, $"| {v.Name()} | {run.Count(v)} |");
        }
        md.AppendLine();
        if (problems.Count > 0)
        {
            md.AppendLine("| claim | verdict | line | evidence | reason |").AppendLine("|---|---|---:|---|---|");
            foreach (var p in problems)
            {
                md.AppendLine(ci, $"| {p.Id} | {p.Verdict.Name()} | {p.Line} | {Cell(p.Evidence ?? "none found")} | {Cell(p.ShortReason(200))} |");
            }
            md.AppendLine();
        }
        md.AppendLine(ci, $"Exit {exitCode}: {Cell(exitReason)}. Run folder: `{run.Folder}` (report.html, methodology.md, provenance.jsonl).");
        return md.ToString();
    }

    /// <param name="annotations">stdout, unless stdout carries JSON or SARIF (the runner reads workflow commands from stderr too).</param>
    public static void Publish(RunResult run, string? essayPath, int exitCode, string exitReason, IReadOnlyDictionary<string, string?> environment, TextWriter annotations)
    {
        var problems = ProblemClaims.From(run);
        var workspace = environment.GetValueOrDefault("GITHUB_WORKSPACE") is { Length: > 0 } w ? w : Directory.GetCurrentDirectory();
        var file = essayPath is null ? null : Path.GetRelativePath(workspace, Path.GetFullPath(essayPath)).Replace('\\', '/');
        var lines = run.Essay.Kind is not (Ingest.DocumentKind.Pdf or Ingest.DocumentKind.Docx);
        foreach (var line in Annotations(problems, file, lines))
        {
            annotations.WriteLine(line);
        }
        if (environment.GetValueOrDefault("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            File.AppendAllText(summary, JobSummary(run, problems, exitCode, exitReason));
        }
    }

    /// <summary>Escapes a workflow command's message, as the Actions toolkit does.</summary>
    public static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a workflow command's property value, as the Actions toolkit does.</summary>
    public static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
