using CrossCheck.Costs;
using CrossCheck.Ingest;
using CrossCheck.Models;
using CrossCheck.Provenance;
using CrossCheck.Runs;

namespace CrossCheck.Running.Steps;

/// <summary>
/// Opens the run's folder and log: a new run in <c>runs/.&lt;id&gt;.partial</c>; an unfinished run with the same
/// fingerprint is resumed (its log continued, its recorded answers reused); a replay answers from the original log.
/// Then wires each panelist's client (<see cref="ModelClients"/>) and writes run_start and the ingested inputs.
/// </summary>
public sealed class OpenRunStep(TimeProvider time, Random random, PanelServices? services) : IRunStep
{
    public string Name => "open";

    public Task RunAsync(RunState state, CancellationToken cancellationToken)
    {
        var options = state.Options;
        state.Fingerprint = RunFingerprint.Of(state.Essay, state.Sources, options, state.Prompts);
        state.Since = options.Since is { } since ? SincePlan.Load(since, options, state.Sources, state.Prompts) : null;
        if (options.Replay is null && options.Panel.Count > 0 && services is { Cache: { } cache, CacheMode: not Caching.CacheMode.Off })
        {
            cache.EnsureUsable();
        }
        RunLocks.CheckRunId(options.RunId, "--run-id");
        RunLocks.CheckRunId(options.ResumeRunId, "--resume");
        if (options.Replay is null)
        {
            state.Own(RunLocks.ForFingerprint(options.OutputRoot, state.Fingerprint));
        }
        if (options.Replay is { } replay)
        {
            state.RunId = replay.RunId;
            state.FinalFolder = replay.OutputFolder;
            if (Directory.Exists(state.FinalFolder))
            {
                throw new InputException($"{state.FinalFolder}: already exists; remove it or choose another --out for the replay.");
            }
            state.PartialFolder = state.FinalFolder + ".partial";
            RecreateFolder(state.PartialFolder);
            state.Recorded = RecordedAnswers.Load(replay.OriginalLog);
            state.Log = state.Own(new ProvenanceLog(Path.Combine(state.PartialFolder, "replay-provenance.jsonl"), time));
        }
        else if (RunFingerprint.FindResumable(options, state.Fingerprint) is { } found)
        {
            state.Own(RunLocks.ForRunId(options.OutputRoot, found.Id));
            state.RunId = found.Id;
            state.PartialFolder = found.Folder;
            state.FinalFolder = Path.Combine(options.OutputRoot, found.Id);
            var path = Path.Combine(found.Folder, "provenance.jsonl");
            var cut = ProvenanceVerifier.RepairTornTail(path);
            RefuseBrokenLog(path, found.Folder, options.RunId is not null || options.ResumeRunId is not null);
            state.Recorded = RecordedAnswers.Load(path);
            var (resumed, _, before) = ProvenanceLog.OpenForAppend(path, time);
            state.Log = state.Own(resumed);
            resumed.Append(new RunResumedEntry(found.Id, before, cut, state.Recorded.Count));
            state.Report("resume", 0, 1, $"resuming {found.Id}: {state.Recorded.Count} recorded answer(s) reused{(cut ? "; a torn last log line was cut" : "")}");
        }
        else
        {
            state.RunId = options.RunId ?? $"{state.Started:yyyyMMdd-HHmmss}-{random.Next(0x10000):x4}";
            state.Own(RunLocks.ForRunId(options.OutputRoot, state.RunId));
            state.FinalFolder = Path.Combine(options.OutputRoot, state.RunId);
            if (Directory.Exists(state.FinalFolder))
            {
                throw new InputException($"{state.FinalFolder}: a run with this id already exists; choose another --run-id or remove it.");
            }
            state.PartialFolder = Path.Combine(options.OutputRoot, $".{state.RunId}.partial");
            if (Directory.Exists(state.PartialFolder))
            {
                // Never delete someone's unfinished run: its log may hold paid answers.
                throw new InputException($"{state.PartialFolder}: holds an unfinished run made with other inputs or settings; resume it with --resume {state.RunId}, or remove that folder to start again.");
            }
            Directory.CreateDirectory(state.PartialFolder);
            state.Log = state.Own(new ProvenanceLog(Path.Combine(state.PartialFolder, "provenance.jsonl"), time));
        }

        state.Meter = new CostMeter(services?.Prices ?? PriceTable.Default);
        // A replay does not gate on the budget again: it runs exactly the claims the original run checked.
        state.Budget = options.Replay is null && options.MaxCost is { } maxCost ? new BudgetGate(state.Meter, maxCost) : BudgetGate.Unlimited;
        state.Clients = ModelClients.For(options, state.Recorded, services,
            new Panel.CallMiddleware(state.Log, state.Meter, state.Budget, new CostEstimator(services?.Prices ?? PriceTable.Default)), state.Since);
        var log = state.Log;
        if (services?.ResilienceEvents?.Attach(e =>
        {
            var scope = CallScope.Current;
            log.Append(new ResilienceEntry(e.Provider, e.KindName, e.Attempt, e.StatusCode, e.Wait?.TotalMilliseconds, e.Detail, scope?.Claim, scope?.Stage, scope?.Panelist));
        }) is { } subscription)
        {
            state.Own(subscription);
        }

        log.Append(new RunStartEntry(state.RunId, state.Fingerprint, "crosscheck", CheckRunner.ProgramVersion, options.CommandLine, options.EssayPath,
            options.SourcePaths, RunSettings.From(options, state.Prompts?.All, services?.CacheMode.ToString())));
        foreach (var doc in state.Sources.Prepend(state.Essay))
        {
            var warnings = doc.Warnings.Count > 0 ? doc.Warnings : null;
            log.Append(doc == state.Essay
                ? new EssayIngestedEntry(doc.Id, doc.Path, doc.Kind.ToString(), doc.Sha256, doc.Bytes, doc.Pages.Count, doc.Sections.Count, doc.Text.Length, warnings)
                : new SourceIngestedEntry(doc.Id, doc.Path, doc.Kind.ToString(), doc.Sha256, doc.Bytes, doc.Pages.Count, doc.Sections.Count, doc.Text.Length, warnings));

        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// An unfinished run whose log's chain does not hold cannot be continued (new records would extend a broken
    /// chain), and the same command would find it again on every rerun: say so once, naming the way out. The folder
    /// is left as it is, for inspection; nothing in it is deleted.
    /// </summary>
    private static void RefuseBrokenLog(string log, string folder, bool named)
    {
        var check = ProvenanceVerifier.Verify(log);
        if (check.ChainHolds)
        {
            return;
        }
        var wayOut = named
            ? $"remove that folder (or move it away) to start again, or choose another --run-id"
            : $"start a new run beside it with --no-resume, or remove that folder (or move it away) to start again";
        throw new InputException($"{folder}: the unfinished run's provenance log is broken, so it cannot be resumed ({check.Break}); {wayOut}.");
    }

    private static void RecreateFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
    }
}
