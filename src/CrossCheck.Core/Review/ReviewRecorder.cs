using System.Security.Cryptography;
using CrossCheck.Checks;
using CrossCheck.Ingest;
using CrossCheck.Provenance;
using CrossCheck.Safety;

namespace CrossCheck.Review;

/// <summary>
/// Appends an editor's decisions to a finished run's provenance chain: one <c>human</c> record per
/// decision (claim, decision, note, implied verdict, the final verdict shown, reviewer), then a
/// <c>review_end</c> record, through <see cref="ProvenanceLog"/> so the chain continues; then seals
/// the new head in run.json (signed with the installation's key when there is one). The caller
/// re-renders methodology.md with the new head, which <c>verify-log</c> compares.
/// </summary>
public static class ReviewRecorder
{
    public sealed record Outcome(int Decisions, string Head, LogSeal Seal);

    /// <exception cref="InputException">The run's log does not hold, the file is for another run, or it names claims the run does not have.</exception>
    public static Outcome Append(string runFolder, DecisionsFile file, string fileSha256, string reviewer,
        IReadOnlyDictionary<string, Verdict> finalVerdicts, TimeProvider time, InstallationKey? key)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(finalVerdicts);
        var logPath = Path.Combine(runFolder, "provenance.jsonl");
        var specPath = Path.Combine(runFolder, "run.json");
        var check = ProvenanceVerifier.VerifyRun(runFolder);
        if (!check.ChainHolds)
        {
            throw new InputException($"{logPath}: the log does not hold ({check}); a review can only extend an intact run.");
        }
        var (runId, _) = LogSeal.ReadFrom(specPath);
        if (runId is null)
        {
            throw new InputException($"{runFolder}: no run.json with a run id here; give a finished run folder.");
        }
        if (!string.Equals(runId, file.RunId, StringComparison.Ordinal))
        {
            throw new InputException($"the decisions file is for run {file.RunId}, not {runId}; export it from this run's report.html.");
        }
        var unknown = file.Decisions.Select(d => d.ClaimId).Where(id => !finalVerdicts.ContainsKey(id)).ToArray();
        if (unknown.Length > 0)
        {
            throw new InputException($"the decisions file names claim(s) this run does not have: {string.Join(", ", unknown.Take(10))}.");
        }
        if (file.Decisions.Count == 0)
        {
            throw new InputException("the decisions file holds no decision; mark at least one claim in report.html before exporting.");
        }
        var (log, _, _) = ProvenanceLog.OpenForAppend(logPath, time);
        using (log)
        {
            foreach (var d in file.Decisions)
            {
                var final = finalVerdicts[d.ClaimId];
                log.Append(new HumanDecisionEntry(d.ClaimId, d.Decision.Name(), d.Note, HumanVerdict.Of(d.Decision, final, d.Verdict)?.Name(), d.Verdict?.Name(),
                    final.Name(), reviewer, time.GetUtcNow()));
            }
            log.Append(new ReviewEndEntry(runId, reviewer, file.Decisions.Count, fileSha256));
        }
        var verified = ProvenanceVerifier.Verify(logPath);
        var seal = LogSeal.Create(runId, verified.LastHash, verified.Records, key);
        LogSeal.WriteInto(specPath, seal);
        return new Outcome(file.Decisions.Count, verified.LastHash, seal);
    }

    public static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
