using System.Security.Cryptography;
using System.Text;
using CrossCheck.Ingest;
using CrossCheck.Panel.Prompts;
using CrossCheck.Runs;

namespace CrossCheck.Running;

/// <summary>Everything that makes two runs the same job, and the unfinished run of the same job to resume.</summary>
public static class RunFingerprint
{
    /// <summary>Inputs by hash, panel, settings and prompts.</summary>
    public static string Of(Document essay, IReadOnlyList<Document> sources, RunOptions options, PromptLibrary? prompts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            new[] { essay.Sha256 }
                .Concat(sources.Select(s => s.Sha256))
                .Concat(options.Panel.Select(p => p.Id + "@" + p.Family))
                .Append($"budget={options.EvidenceTokenBudget};rounds={options.PanelOptions.Rounds};extract={options.PanelOptions.Extract}")
                // Research options change what a run asks or decides; named only when set, so older fingerprints still match.
                .Concat(options.PanelOptions.Trials > 1 ? [$"trials={options.PanelOptions.Trials}"] : [])
                .Concat(options.PanelOptions.Aggregation != Panel.AggregationRule.ReconcilerWithGuards ? [$"aggregate={Panel.AggregationRules.Name(options.PanelOptions.Aggregation)}"] : [])
                .Concat(options.Since is { } since ? [$"since={Path.GetFullPath(since)}"] : [])
                .Concat(prompts?.All.Select(t => t.Hash) ?? [])))));

    /// <summary>The unfinished run to go on with: the one named by --resume, else the newest with the same fingerprint.</summary>
    public static (string Id, string Folder)? FindResumable(RunOptions options, string fingerprint)
    {
        if (options.ResumeRunId is { } id)
        {
            var folder = Path.Combine(options.OutputRoot, $".{id}.partial");
            if (!File.Exists(Path.Combine(folder, "provenance.jsonl")))
            {
                throw new InputException(Directory.Exists(Path.Combine(options.OutputRoot, id))
                    ? $"{Path.Combine(options.OutputRoot, id)}: this run is already complete; nothing to resume."
                    : $"{folder}: no unfinished run '{id}' to resume in {options.OutputRoot}.");
            }
            return (id, folder);
        }
        if (!options.AutoResume || !Directory.Exists(options.OutputRoot))
        {
            return null;
        }
        if (options.RunId is { } named)
        {
            // The same command after a crash, --run-id included, goes on with its own unfinished run.
            var folder = Path.Combine(options.OutputRoot, $".{named}.partial");
            var log = Path.Combine(folder, "provenance.jsonl");
            return File.Exists(log) && File.ReadLines(log).FirstOrDefault() is { } head && head.Contains(fingerprint, StringComparison.Ordinal)
                ? (named, folder)
                : null;
        }
        foreach (var folder in new DirectoryInfo(options.OutputRoot).GetDirectories(".*.partial").OrderByDescending(d => d.LastWriteTimeUtc))
        {
            var log = Path.Combine(folder.FullName, "provenance.jsonl");
            if (!File.Exists(log))
            {
                continue;
            }
            var first = File.ReadLines(log).FirstOrDefault();
            if (first is null || !first.Contains(fingerprint, StringComparison.Ordinal))
            {
                continue;
            }
            return (folder.Name[1..^".partial".Length], folder.FullName);
        }
        return null;
    }
}
