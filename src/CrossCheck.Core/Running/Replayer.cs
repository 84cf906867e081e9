using System.Security.Cryptography;
using System.Text.Json;
using CrossCheck.Checks;
using CrossCheck.Ingest;
using CrossCheck.Panel;
using CrossCheck.Panel.Prompts;
using CrossCheck.Provenance;
using CrossCheck.Runs;

namespace CrossCheck.Running;

/// <summary>
/// Rebuilds a finished run's reports from its provenance log: the spec, the prompts' hashes and
/// every model answer come from the log; the essay and sources are read again from the paths
/// the log names and must have the SHA-256 it recorded. No provider is called.
/// </summary>
public static class Replayer
{
    public static RunOptions OptionsFor(string runFolder, string outputFolder, AggregationRule? aggregate = null)
    {
        var logPath = Path.Combine(runFolder, "provenance.jsonl");
        if (!File.Exists(logPath))
        {
            throw new InputException($"{runFolder}: no provenance.jsonl here; give a finished run folder.");
        }
        var check = ProvenanceVerifier.VerifyRun(runFolder);
        if (!check.ChainHolds)
        {
            throw new InputException($"{logPath}: the log is broken ({check}); it cannot be replayed.");
        }
        var records = File.ReadLines(logPath).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
        JsonElement Data(string type) => records.FirstOrDefault(r => r.GetProperty("type").GetString() == type) is { ValueKind: JsonValueKind.Object } r
            ? r.GetProperty("data")
            : throw new InputException($"{logPath}: no {type} record; {(type == "run_end" ? "the run did not finish (resume it instead)" : "not a CrossCheck run log")}.");
        var start = Data("run_start");
        var end = Data("run_end");
        var settings = start.GetProperty("settings");

        foreach (var input in records.Where(r => r.GetProperty("type").GetString() is "essay_ingested" or "source_ingested").Select(r => r.GetProperty("data")))
        {
            var path = input.GetProperty("path").GetString()!;
            var expected = input.GetProperty("sha256").GetString();
            if (!File.Exists(path))
            {
                throw new InputException($"{path}: this input of the run is gone; replay needs the essay and sources the log names.");
            }
            var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
            if (actual != expected)
            {
                throw new InputException($"{path}: changed since the run (SHA-256 {actual[..12]}…, the log says {expected?[..12]}…); replay needs the same inputs.");
            }
        }

        var typed = RunSettings.Read(settings);
        var panel = typed.Panel.Select(p => p.ToSpec()).ToArray();
        string? promptsFolder = null;
        if (typed.Prompts is { Count: > 0 } prompts)
        {
            promptsFolder = Path.GetDirectoryName(prompts[0].Folder);
            var library = PromptLibrary.Load(promptsFolder);
            foreach (var p in prompts)
            {
                if (library[p.Name].Hash != p.Hash)
                {
                    throw new InputException($"{library[p.Name].Folder}: the {p.Name} prompt changed since the run; replay needs the prompts the log names.");
                }
            }
        }
        var failOn = typed.FailOn.Select(v => VerdictNames.TryParse(v, out var verdict) ? verdict : Verdict.Failed).ToArray();
        var uncheckedClaims = end.TryGetProperty("unchecked_claims", out var u) && u.ValueKind == JsonValueKind.Array
            ? u.EnumerateArray().Select(e => e.GetString()!).ToArray()
            : [];
        var runId = start.GetProperty("run_id").GetString()!;
        return new RunOptions
        {
            EssayPath = start.GetProperty("essay").GetString()!,
            SourcePaths = start.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToArray(),
            RunId = runId,
            EvidenceTokenBudget = typed.EvidenceTokenBudget,
            FailOn = failOn,
            Panel = panel,
            PanelOptions = new PanelOptions
            {
                Rounds = typed.Rounds,
                Extract = typed.Extract,
                Trials = typed.Trials ?? 1,
                // --aggregate re-decides every final verdict from the same recorded answers; otherwise the run's own rule.
                Aggregation = aggregate ?? (AggregationRules.TryParse(typed.Aggregation, out var rule) ? rule : AggregationRule.ReconcilerWithGuards),
            },
            Since = typed.Since,
            PromptsFolder = promptsFolder,
            CommandLine = start.GetProperty("command").GetString() ?? "",
            MaxCost = typed.MaxCostUsd,
            AutoResume = false,
            Replay = new ReplaySpec(logPath, runId, end.GetProperty("started").GetDateTimeOffset(), end.GetProperty("finished").GetDateTimeOffset(), outputFolder)
            {
                UncheckedClaims = uncheckedClaims,
            },
        };
    }
}
