using System.Security.Cryptography;
using System.Text.Json;
using CrossCheck.Checks;
using CrossCheck.Ingest;
using CrossCheck.Panel;
using CrossCheck.Panel.Prompts;
using CrossCheck.Provenance;

namespace CrossCheck.Running;

/// <summary>
/// Rebuilds a finished run's reports from its provenance log: the spec, the prompts' hashes and
/// every model answer come from the log; the essay and sources are read again from the paths
/// the log names and must have the SHA-256 it recorded. No provider is called.
/// </summary>
public static class Replayer
{
    public static RunOptions OptionsFor(string runFolder, string outputFolder)
    {
        var logPath = Path.Combine(runFolder, "provenance.jsonl");
        if (!File.Exists(logPath))
        {
            throw new InputException($"{runFolder}: no provenance.jsonl here; give a finished run folder.");
        }
        var check = ProvenanceVerifier.Verify(logPath);
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

        var panel = settings.GetProperty("panel").EnumerateArray()
            .Select(p => new PanelistSpec(p.GetProperty("provider").GetString()!, p.GetProperty("model").GetString()!, p.GetProperty("family").GetString()!))
            .ToArray();
        string? promptsFolder = null;
        if (settings.TryGetProperty("prompts", out var prompts) && prompts.ValueKind == JsonValueKind.Array && prompts.GetArrayLength() > 0)
        {
            promptsFolder = Path.GetDirectoryName(prompts[0].GetProperty("folder").GetString()!);
            var library = PromptLibrary.Load(promptsFolder);
            foreach (var p in prompts.EnumerateArray())
            {
                var name = p.GetProperty("name").GetString()!;
                if (library[name].Hash != p.GetProperty("hash").GetString())
                {
                    throw new InputException($"{library[name].Folder}: the {name} prompt changed since the run; replay needs the prompts the log names.");
                }
            }
        }
        var failOn = settings.GetProperty("fail_on").EnumerateArray()
            .Select(v => VerdictNames.TryParse(v.GetString()!, out var verdict) ? verdict : Verdict.Failed).ToArray();
        var runId = start.GetProperty("run_id").GetString()!;
        return new RunOptions
        {
            EssayPath = start.GetProperty("essay").GetString()!,
            SourcePaths = start.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToArray(),
            RunId = runId,
            EvidenceTokenBudget = settings.GetProperty("evidence_token_budget").GetInt32(),
            FailOn = failOn,
            Panel = panel,
            PanelOptions = new PanelOptions
            {
                Rounds = settings.GetProperty("rounds").GetInt32(),
                Extract = settings.GetProperty("extract").GetBoolean(),
            },
            PromptsFolder = promptsFolder,
            CommandLine = start.GetProperty("command").GetString() ?? "",
            AutoResume = false,
            Replay = new ReplaySpec(logPath, runId, end.GetProperty("started").GetDateTimeOffset(), end.GetProperty("finished").GetDateTimeOffset(), outputFolder),
        };
    }
}
