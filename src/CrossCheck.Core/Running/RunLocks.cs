using CrossCheck.Ingest;
using CrossCheck.Runs;
using CrossCheck.Safety;

namespace CrossCheck.Running;

/// <summary>
/// One run, one owner. A run holds two OS file locks for its whole life (<see cref="RunLock"/>): one named by its
/// spec fingerprint, so a second identical command cannot start or resume the same work while the first lives, and
/// one named by its run id, so two commands given the same --run-id cannot share a folder. The OS drops both when
/// the process dies, so the same command after a crash finds no lock and resumes.
/// </summary>
public static class RunLocks
{
    public static RunLock ForFingerprint(string outputRoot, string fingerprint) =>
        Take(outputRoot, "spec-" + fingerprint[..16], "an identical run (same essay, sources, panel and settings)");

    public static RunLock ForRunId(string outputRoot, string runId) => Take(outputRoot, "run-" + runId, $"run {runId}");

    /// <summary>Refuses a run id that would not make a safe folder name.</summary>
    public static void CheckRunId(string? runId, string option)
    {
        if (runId is not null && RunIdRules.Problem(runId) is { } problem)
        {
            throw new InputException($"{option} '{Printable(runId)}': {problem}.");
        }
    }

    private static RunLock Take(string outputRoot, string name, string what)
    {
        RunLock? taken;
        int? holder;
        try
        {
            taken = RunLock.TryAcquire(outputRoot, name, out holder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{outputRoot}: cannot write run folders here ({e.Message.TrimEnd('.')}); give a writable --out.", e);
        }
        return taken ?? throw new RunInProgressException(
            $"{what} is in progress in {outputRoot}{(holder is { } pid ? $" (pid {pid})" : "")}; wait for it to finish, or stop that process and run the same command again to resume.");
    }

    private static string Printable(string s) =>
        new(s.Take(80).Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '?' : c).ToArray());
}
