using System.Collections.Concurrent;
using System.Text.Json;
using CrossCheck.Compare;
using CrossCheck.Ingest;
using CrossCheck.Models;
using CrossCheck.Panel.Prompts;
using CrossCheck.Provenance;
using CrossCheck.Runs;

namespace CrossCheck.Running;

/// <summary>
/// <c>check --since &lt;run&gt;</c>: the earlier run of the same essay whose panel answers unchanged claims keep. Only a
/// run made with the same panel, sources, prompts and settings can lend its answers; its claims are matched to this
/// run's by text (<see cref="ClaimMatcher"/>), unchanged claims keep their roles (so their requests are the same) and
/// are answered from its log, and new and changed ones go to the panel.
/// </summary>
public sealed record SincePlan(string RunId, string Folder, RecordedAnswers Answers, IReadOnlyDictionary<string, int> Anchors, IReadOnlyList<SinceClaim> Claims)
{
    /// <summary>Per claim id of this run: requests answered from the earlier run's log, and requests that had to be asked.</summary>
    public ConcurrentDictionary<string, (int Carried, int Asked)> Tally { get; } = new(StringComparer.Ordinal);

    /// <exception cref="InputException">The folder is not a finished run, or it was made with other inputs or settings.</exception>
    public static SincePlan Load(string folder, RunOptions options, IReadOnlyList<Document> sources, PromptLibrary? prompts)
    {
        var logPath = Path.Combine(folder, "provenance.jsonl");
        var claimsPath = Path.Combine(folder, "claims.json");
        if (!File.Exists(logPath) || !File.Exists(claimsPath))
        {
            throw new InputException($"--since {folder}: not a finished run folder (no provenance.jsonl and claims.json there).");
        }
        if (!ProvenanceVerifier.VerifyRun(folder).ChainHolds)
        {
            throw new InputException($"--since {folder}: its provenance log is broken; its answers cannot be carried.");
        }
        var records = File.ReadLines(logPath).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
        var start = records.First(r => r.GetProperty("type").GetString() == "run_start").GetProperty("data");
        var runId = start.GetProperty("run_id").GetString()!;
        var settings = RunSettings.Read(start.GetProperty("settings"));
        string Mismatch(string what) => $"--since {folder}: that run used {what}; --since carries answers only between runs with the same panel, sources, prompts and settings.";
        if (!settings.Panel.Select(p => p.Id + "@" + p.Family).SequenceEqual(options.Panel.Select(p => p.Id + "@" + p.Family)))
        {
            throw new InputException(Mismatch($"the panel {string.Join(",", settings.Panel.Select(p => p.Id))}"));
        }
        var before = records.Where(r => r.GetProperty("type").GetString() == "source_ingested").Select(r => r.GetProperty("data").GetProperty("sha256").GetString()).Order(StringComparer.Ordinal);
        if (!before.SequenceEqual(sources.Select(s => s.Sha256).Order(StringComparer.Ordinal)))
        {
            throw new InputException(Mismatch("other source files (by SHA-256)"));
        }
        if (settings.Rounds != options.PanelOptions.Rounds || settings.EvidenceTokenBudget != options.EvidenceTokenBudget || settings.Trials is { } t && t != options.PanelOptions.Trials)
        {
            throw new InputException(Mismatch($"--rounds {settings.Rounds}, --budget {settings.EvidenceTokenBudget}{(settings.Trials is { } tr ? $", --trials {tr}" : "")}"));
        }
        if (prompts is not null && settings.Prompts is { } used && !used.Select(p => p.Hash).Order(StringComparer.Ordinal).SequenceEqual(prompts.All.Select(p => p.Hash).Order(StringComparer.Ordinal)))
        {
            throw new InputException(Mismatch("other stage prompts"));
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(claimsPath));
        var panelIds = options.Panel.Select(p => p.Id).ToList();
        var claims = new List<SinceClaim>();
        var anchors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in doc.RootElement.GetProperty("claims").EnumerateArray())
        {
            var text = c.GetProperty("text").GetString()!;
            var drafter = c.TryGetProperty("panel", out var p) && p.ValueKind == JsonValueKind.Object ? p.GetProperty("drafter").GetString() : null;
            claims.Add(new SinceClaim(c.GetProperty("id").GetString()!, text, c.GetProperty("checkable").GetBoolean(), c.GetProperty("final_verdict").GetString()!, drafter is not null));
            if (drafter is not null && panelIds.IndexOf(drafter) is >= 0 and var slot)
            {
                anchors.TryAdd(text, slot);
            }
        }
        return new SincePlan(runId, folder, RecordedAnswers.Load(logPath), anchors, claims);
    }

    /// <summary>How each of this run's checkable claims relates to the earlier run's: unchanged (same text, judged by its panel), changed (reworded) or new.</summary>
    public IReadOnlyList<ClaimChange> Classify(IReadOnlyList<string> checkable)
    {
        var judged = Claims.Where(c => c.Checkable).ToArray();
        var matches = ClaimMatcher.Match(judged.Select(c => c.Text).ToArray(), checkable);
        var result = new ClaimChange[checkable.Count];
        foreach (var m in matches.Where(m => m.After is not null))
        {
            result[m.After!.Value] = m.Change == ClaimChange.Unchanged && !judged[m.Before!.Value].Judged ? ClaimChange.Reworded : m.Change;
        }
        return result;
    }

    /// <summary>The earlier run's checkable claims that this run no longer has.</summary>
    public IReadOnlyList<SinceClaim> Removed(IReadOnlyList<string> checkable)
    {
        var judged = Claims.Where(c => c.Checkable).ToArray();
        return [.. ClaimMatcher.Match(judged.Select(c => c.Text).ToArray(), checkable).Where(m => m.Change == ClaimChange.Removed).Select(m => judged[m.Before!.Value])];
    }
}
