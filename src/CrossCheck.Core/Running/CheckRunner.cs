using System.Reflection;
using CrossCheck.Checks;
using CrossCheck.Claims;
using CrossCheck.Ingest;
using CrossCheck.Panel;
using CrossCheck.Panel.Prompts;
using CrossCheck.Provenance;
using CrossCheck.Reports;

namespace CrossCheck.Running;

/// <summary>
/// Runs one check: ingest → claims → evidence and checks → panel → reports. Inputs are all
/// loaded and validated before any folder is made; the run is written in
/// <c>runs/.&lt;id&gt;.partial</c> and renamed to <c>runs/&lt;id&gt;</c> only once every file is complete.
/// </summary>
public sealed class CheckRunner(TimeProvider time, Random random, PanelServices? services = null)
{
    public CheckRunner(TimeProvider time, Random random, Func<PanelistSpec, IModelClient> clientFor)
        : this(time, random, new PanelServices(clientFor))
    {
    }

    public static string ProgramVersion =>
        typeof(CheckRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static void RecreateFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
    }

    /// <summary>Everything that makes two runs the same job: inputs by hash, panel, settings and prompts.</summary>
    private static string SpecFingerprint(Document essay, IReadOnlyList<Document> sources, RunOptions options, PromptLibrary? prompts) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n',
            new[] { essay.Sha256 }
                .Concat(sources.Select(s => s.Sha256))
                .Concat(options.Panel.Select(p => p.Id + "@" + p.Family))
                .Append($"budget={options.EvidenceTokenBudget};rounds={options.PanelOptions.Rounds};extract={options.PanelOptions.Extract}")
                .Concat(prompts?.All.Select(t => t.Hash) ?? [])))));

    /// <summary>The unfinished run to go on with: the one named by --resume, else the newest with the same fingerprint.</summary>
    private static (string Id, string Folder)? FindResumable(RunOptions options, string fingerprint)
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
        if (!options.AutoResume || options.RunId is not null || !Directory.Exists(options.OutputRoot))
        {
            return null;
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

    private static (Document Essay, List<Document> Sources, List<Claim> Claims, PromptLibrary? Prompts) LoadInputs(
        RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var loader = new DocumentLoader(options.Limits);
        if (options.SourcePaths.Count == 0)
        {
            throw new InputException("no source given; add --source <file> (PDF, Markdown, text or HTML) for each document the essay is about.");
        }
        var prompts = options.Panel.Count > 0 ? PromptLibrary.Load(options.PromptsFolder) : null;
        progress?.Report(new RunProgress("ingest", 0, options.SourcePaths.Count + 1, options.EssayPath));
        var essay = loader.LoadEssay(options.EssayPath);
        var sources = new List<Document>();
        foreach (var path in options.SourcePaths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sources.Add(loader.LoadSource(path, $"S{sources.Count + 1}"));
            progress?.Report(new RunProgress("ingest", sources.Count + 1, options.SourcePaths.Count + 1, path));
        }
        var claims = ClaimExtractor.Extract(essay).ToList();
        if (claims.Count == 0)
        {
            throw new InputException($"{options.EssayPath}: no sentences found to check; is this the essay?");
        }
        return (essay, sources, claims, prompts);
    }

    /// <summary>
    /// What the run would take, before calling anything: the panel's stages run against a stand-in
    /// client that returns placeholder answers of the expected length (never shown to anyone, no
    /// folder is written), and the requests they produce are counted and priced.
    /// </summary>
    public async Task<RunEstimate> EstimateAsync(RunOptions options, CancellationToken cancellationToken)
    {
        var (essay, sources, claims, prompts) = LoadInputs(options, null, cancellationToken);
        if (prompts is null)
        {
            return new RunEstimate(claims.Count, 0, 0, 0, 0, 0m, 0, new Dictionary<string, Costs.CostTotals>());
        }
        var prices = services?.Prices ?? Costs.PriceTable.Default;
        var estimator = new Costs.CostEstimator(prices);
        var meter = new Costs.CostMeter(prices);
        using var corpus = new SourceCorpus(sources);
        var checker = new GroundingChecker(corpus, options.EvidenceTokenBudget);
        var dry = new PanelRunner(options.Panel, p => new EstimatingModelClient(p, estimator), prompts, checker, options.PanelOptions with { MaxParallelClaims = 1 }, null, null, meter);
        if (options.PanelOptions.Extract)
        {
            await dry.ExtractAsync(essay, claims, cancellationToken).ConfigureAwait(false);
        }
        var checkable = claims.Where(c => c.Checkable).ToArray();
        for (var i = 0; i < checkable.Length; i++)
        {
            await dry.RunClaimAsync(checkable[i], i, checker.Check(checkable[i]), cancellationToken).ConfigureAwait(false);
        }
        var total = meter.Total;
        return new RunEstimate(claims.Count, checkable.Length, total.Calls, total.InputTokens, total.OutputTokens, total.KnownCost, total.UnpricedCalls, meter.ByStage);
    }

    public async Task<RunResult> RunAsync(RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var started = time.GetUtcNow();
        var clientFor = services?.ClientFor;
        if (options.Panel.Count > 0 && clientFor is null && options.Replay is null)
        {
            throw new InvalidOperationException("a panel was given but no model client factory");
        }
        var (essay, sources, claims, prompts) = LoadInputs(options, progress, cancellationToken);

        var fingerprint = SpecFingerprint(essay, sources, options, prompts);
        var recorded = RecordedAnswers.Empty;
        string runId;
        string partial;
        string final;
        ProvenanceLog log;
        (string Id, string Folder)? resume = options.Replay is null ? FindResumable(options, fingerprint) : null;
        if (options.Replay is { } replay)
        {
            runId = replay.RunId;
            final = replay.OutputFolder;
            if (Directory.Exists(final))
            {
                throw new InputException($"{final}: already exists; remove it or choose another --out for the replay.");
            }
            partial = final + ".partial";
            RecreateFolder(partial);
            recorded = RecordedAnswers.Load(replay.OriginalLog);
            log = new ProvenanceLog(Path.Combine(partial, "replay-provenance.jsonl"), time);
        }
        else if (resume is { } found)
        {
            runId = found.Id;
            partial = found.Folder;
            final = Path.Combine(options.OutputRoot, runId);
            var path = Path.Combine(partial, "provenance.jsonl");
            var cut = ProvenanceVerifier.RepairTornTail(path);
            recorded = RecordedAnswers.Load(path);
            (log, _, var before) = ProvenanceLog.OpenForAppend(path, time);
            log.Append("run_resumed", new { run_id = runId, records_before = before, torn_last_line_cut = cut, answers_reused = recorded.Count });
            progress?.Report(new RunProgress("resume", 0, 1, $"resuming {runId}: {recorded.Count} recorded answer(s) reused{(cut ? "; a torn last log line was cut" : "")}"));
        }
        else
        {
            runId = options.RunId ?? $"{started:yyyyMMdd-HHmmss}-{random.Next(0x10000):x4}";
            Directory.CreateDirectory(options.OutputRoot);
            final = Path.Combine(options.OutputRoot, runId);
            if (Directory.Exists(final))
            {
                throw new InputException($"{final}: a run with this id already exists; choose another --run-id or remove it.");
            }
            partial = Path.Combine(options.OutputRoot, $".{runId}.partial");
            RecreateFolder(partial);
            log = new ProvenanceLog(Path.Combine(partial, "provenance.jsonl"), time);
        }
        using var logScope = log;
        Func<PanelistSpec, IModelClient>? clients = options.Replay is not null
            ? p => new RecordedModelClient(p, recorded, null)
            : clientFor is null ? null
            : p => new RecordedModelClient(p, recorded, services!.CacheMode == Caching.CacheMode.Off
                ? clientFor(p)
                : new Caching.CachingModelClient(clientFor(p), services.Cache, services.CacheMode, _ => services.CacheScope?.Invoke(p) ?? ""));
        var meter = new Costs.CostMeter(services?.Prices ?? Costs.PriceTable.Default);
        using var events = services?.ResilienceEvents?.Attach(e =>
        {
            var scope = CallScope.Current;
            log.Append("resilience", new
            {
                provider = e.Provider, kind = e.KindName, attempt = e.Attempt, status = e.StatusCode,
                wait_ms = e.Wait?.TotalMilliseconds, detail = e.Detail,
                claim = scope?.Claim, stage = scope?.Stage, panelist = scope?.Panelist,
            });
        });

        log.Append("run_start", new
        {
            run_id = runId,
            spec_fingerprint = fingerprint,
            program = "crosscheck",
            version = ProgramVersion,
            command = options.CommandLine,
            essay = options.EssayPath,
            sources = options.SourcePaths,
            settings = RunSettings.From(options, prompts?.All, services?.CacheMode.ToString()),
        });
        foreach (var doc in sources.Prepend(essay))
        {
            log.Append(doc == essay ? "essay_ingested" : "source_ingested", new
            {
                id = doc.Id, path = doc.Path, kind = doc.Kind.ToString(), sha256 = doc.Sha256, bytes = doc.Bytes,
                pages = doc.Pages.Count, sections = doc.Sections.Count, characters = doc.Text.Length,
            });
        }

        progress?.Report(new RunProgress("index", 0, 1, $"{sources.Count} source(s)"));
        using var corpus = new SourceCorpus(sources);
        log.Append("sources_indexed", new { passages = corpus.Passages.Count, retrieval = "bm25 (Lucene.Net, EnglishAnalyzer)" });
        progress?.Report(new RunProgress("index", 1, 1, $"{corpus.Passages.Count} passages"));

        foreach (var claim in claims)
        {
            log.Append("claim_extracted", new { id = claim.Id, text = claim.Text, kind = claim.Kind, checkable = claim.Checkable, reason = claim.CheckableReason, by = "offline", occurrences = claim.Occurrences });
        }

        var checker = new GroundingChecker(corpus, options.EvidenceTokenBudget);
        PanelRunner? panel = null;
        if (prompts is not null)
        {
            // A replay does not gate on the budget again: it runs exactly the claims the original run checked.
            panel = new PanelRunner(options.Panel, clients!, prompts, checker, options.PanelOptions, log, services?.IsAvailable,
                meter, options.Replay is null ? options.MaxCost : null, new Costs.CostEstimator(services?.Prices ?? Costs.PriceTable.Default));
            if (options.PanelOptions.Extract)
            {
                progress?.Report(new RunProgress("extract", 0, 1, options.Panel[0].Id));
                var extra = await panel.ExtractAsync(essay, claims, cancellationToken).ConfigureAwait(false);
                claims.AddRange(extra);
                progress?.Report(new RunProgress("extract", 1, 1, $"{extra.Count} more claim(s)"));
            }
        }

        var groundings = new GroundingResult[claims.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            groundings[i] = checker.Check(claims[i]);
            var record = GroundingRecord.From(groundings[i]);
            log.Append("check", new { claim = claims[i].Id, panelist = GroundingChecker.PanelistName, quotes = record.Quotes, numbers = record.Numbers, sections = record.Sections, support = record.Support, evidence = record.Evidence.Select(e => e.PassageId) });
            log.Append("verdict", new { claim = claims[i].Id, panelist = GroundingChecker.PanelistName, verdict = groundings[i].Verdict, reasons = groundings[i].Reasons, final = panel is null || !claims[i].Checkable });
            progress?.Report(new RunProgress("check", i + 1, claims.Count, claims[i].Id));
        }

        var panels = new ClaimPanel?[claims.Count];
        var uncheckedClaims = new List<string>();
        if (panel is not null)
        {
            var checkable = Enumerable.Range(0, claims.Count).Where(i => claims[i].Checkable).ToArray();
            var leftUnchecked = options.Replay?.UncheckedClaims.ToHashSet(StringComparer.Ordinal) ?? [];
            var done = 0;
            using var gate = new SemaphoreSlim(Math.Max(1, options.PanelOptions.MaxParallelClaims));
            var tasks = checkable.Select(async (claimIndex, order) =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (!panel.BudgetSpent && !leftUnchecked.Contains(claims[claimIndex].Id))
                    {
                        panels[claimIndex] = await panel.RunClaimAsync(claims[claimIndex], order, groundings[claimIndex], cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (BudgetExceededException)
                {
                    // The claim stays without a panel verdict; it is listed as unchecked below.
                }
                finally
                {
                    gate.Release();
                    progress?.Report(new RunProgress("panel", Interlocked.Increment(ref done), checkable.Length, claims[claimIndex].Id));
                }
            });
            await Task.WhenAll(tasks).ConfigureAwait(false);
            uncheckedClaims.AddRange(checkable.Where(i => panels[i] is null).Select(i => claims[i].Id));
            if (uncheckedClaims.Count > 0)
            {
                log.Append("budget_reached", new { max_cost_usd = options.MaxCost, spent_usd = meter.Total.KnownCost, unchecked_claims = uncheckedClaims });
            }
        }
        var outcomes = claims.Select((c, i) => new ClaimOutcome(c, groundings[i], panels[i])).ToArray();

        var result = new RunResult
        {
            RunId = runId,
            Folder = final,
            Started = options.Replay?.Started ?? started,
            Finished = options.Replay?.Finished ?? time.GetUtcNow(),
            Essay = essay,
            Sources = sources,
            PassageCount = corpus.Passages.Count,
            Outcomes = outcomes,
            Options = options,
            ProgramVersion = ProgramVersion,
            Prompts = prompts?.All.ToArray() ?? [],
            Costs = meter,
            UncheckedClaims = uncheckedClaims,
        };
        var records = outcomes.Select(ClaimRecord.From).ToArray();
        var summary = RunSummary.From(result);
        progress?.Report(new RunProgress("report", 0, 1));
        RunFolder.WriteSpec(Path.Combine(partial, "run.json"), result);
        ClaimsJsonWriter.Write(Path.Combine(partial, "claims.json"), runId, records);
        MatrixCsvWriter.Write(Path.Combine(partial, "matrix.csv"), records, options.Panel);
        MatrixJsonWriter.Write(Path.Combine(partial, "matrix.json"), runId, records, summary, options.Panel);
        MarkdownReportWriter.Write(Path.Combine(partial, "report.md"), result, records, summary);
        Reports.Html.HtmlReportWriter.Write(Path.Combine(partial, "report.html"), result, records, summary);
        log.Append("run_end", new
        {
            run_id = runId, started = result.Started, finished = result.Finished, claims = summary.Claims, by_verdict = summary.ByVerdict,
            failing = result.FailingVerdicts.Select(v => v.Name()), complete = uncheckedClaims.Count == 0, unchecked_claims = uncheckedClaims,
            cost = summary.Cost,
        });
        var lastHash = log.LastHash;
        log.Dispose();
        if (options.Replay is { } r)
        {
            File.Copy(r.OriginalLog, Path.Combine(partial, "provenance.jsonl"));
            lastHash = ProvenanceVerifier.Verify(r.OriginalLog).LastHash;
        }
        MethodologyWriter.Write(Path.Combine(partial, "methodology.md"), result, summary, lastHash);
        Directory.Move(partial, final);
        progress?.Report(new RunProgress("report", 1, 1, final));
        return result;
    }
}
