using System.Reflection;
using CrossCheck.Checks;
using CrossCheck.Claims;
using CrossCheck.Ingest;
using CrossCheck.Provenance;
using CrossCheck.Reports;

namespace CrossCheck.Running;

/// <summary>
/// Runs one check: ingest → claims → evidence and checks → reports. Inputs are all loaded and
/// validated before any folder is made; the run is written in <c>runs/.&lt;id&gt;.partial</c>
/// and renamed to <c>runs/&lt;id&gt;</c> only once every file is complete.
/// </summary>
public sealed class CheckRunner(TimeProvider time, Random random)
{
    public static string ProgramVersion =>
        typeof(CheckRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public Task<RunResult> RunAsync(RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken) =>
        Task.Run(() => Run(options, progress, cancellationToken), cancellationToken);

    private RunResult Run(RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var loader = new DocumentLoader(options.Limits);
        if (options.SourcePaths.Count == 0)
        {
            throw new InputException("no source given; add --source <file> (PDF, Markdown, text or HTML) for each document the essay is about.");
        }
        progress?.Report(new RunProgress("ingest", 0, options.SourcePaths.Count + 1, options.EssayPath));
        var essay = loader.LoadEssay(options.EssayPath);
        var sources = new List<Document>();
        foreach (var path in options.SourcePaths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sources.Add(loader.LoadSource(path, $"S{sources.Count + 1}"));
            progress?.Report(new RunProgress("ingest", sources.Count + 1, options.SourcePaths.Count + 1, path));
        }
        var claims = ClaimExtractor.Extract(essay);
        if (claims.Count == 0)
        {
            throw new InputException($"{options.EssayPath}: no sentences found to check; is this the essay?");
        }

        var runId = options.RunId ?? $"{started:yyyyMMdd-HHmmss}-{random.Next(0x10000):x4}";
        Directory.CreateDirectory(options.OutputRoot);
        var final = Path.Combine(options.OutputRoot, runId);
        if (Directory.Exists(final))
        {
            throw new InputException($"{final}: a run with this id already exists; choose another --run-id or remove it.");
        }
        var partial = Path.Combine(options.OutputRoot, $".{runId}.partial");
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }
        Directory.CreateDirectory(partial);

        using var log = new ProvenanceLog(Path.Combine(partial, "provenance.jsonl"), time);
        log.Append("run_start", new
        {
            run_id = runId,
            program = "crosscheck",
            version = ProgramVersion,
            command = options.CommandLine,
            essay = options.EssayPath,
            sources = options.SourcePaths,
            settings = new { evidence_token_budget = options.EvidenceTokenBudget, fail_on = options.FailOn.Select(v => v.Name()), panel = new[] { GroundingChecker.PanelistName } },
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
            log.Append("claim_extracted", new { id = claim.Id, text = claim.Text, kind = claim.Kind, checkable = claim.Checkable, reason = claim.CheckableReason, occurrences = claim.Occurrences });
        }

        var checker = new GroundingChecker(corpus, options.EvidenceTokenBudget);
        var outcomes = new List<ClaimOutcome>(claims.Count);
        foreach (var claim in claims)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var grounding = checker.Check(claim);
            var outcome = new ClaimOutcome(claim, grounding);
            outcomes.Add(outcome);
            var record = GroundingRecord.From(grounding);
            log.Append("check", new { claim = claim.Id, panelist = GroundingChecker.PanelistName, quotes = record.Quotes, numbers = record.Numbers, sections = record.Sections, support = record.Support, evidence = record.Evidence.Select(e => e.PassageId) });
            log.Append("verdict", new { claim = claim.Id, panelist = GroundingChecker.PanelistName, verdict = grounding.Verdict, reasons = grounding.Reasons, final = true });
            progress?.Report(new RunProgress("check", outcomes.Count, claims.Count, claim.Id));
        }

        var result = new RunResult
        {
            RunId = runId,
            Folder = final,
            Started = started,
            Finished = time.GetUtcNow(),
            Essay = essay,
            Sources = sources,
            PassageCount = corpus.Passages.Count,
            Outcomes = outcomes,
            Options = options,
            ProgramVersion = ProgramVersion,
        };
        var records = outcomes.Select(ClaimRecord.From).ToArray();
        var summary = RunSummary.From(result);
        progress?.Report(new RunProgress("report", 0, 1));
        RunFolder.WriteSpec(Path.Combine(partial, "run.json"), result);
        ClaimsJsonWriter.Write(Path.Combine(partial, "claims.json"), runId, records);
        MatrixCsvWriter.Write(Path.Combine(partial, "matrix.csv"), records);
        MatrixJsonWriter.Write(Path.Combine(partial, "matrix.json"), runId, records, summary);
        MarkdownReportWriter.Write(Path.Combine(partial, "report.md"), result, records, summary);
        log.Append("run_end", new { run_id = runId, claims = summary.Claims, by_verdict = summary.ByVerdict, failing = result.FailingVerdicts.Select(v => v.Name()) });
        MethodologyWriter.Write(Path.Combine(partial, "methodology.md"), result, summary, log.LastHash);
        log.Dispose();
        Directory.Move(partial, final);
        progress?.Report(new RunProgress("report", 1, 1, final));
        return result;
    }
}
