namespace CrossCheck.Panel;

/// <summary>One extraction attempt that gave no usable list of claims.</summary>
/// <param name="Excerpt">The essay excerpt (1-based) it was asked about.</param>
/// <param name="Kind">"call failed" (no answer after the retries) or "invalid answer" (no valid list of claims after one repair): stable words the reports use.</param>
/// <param name="Error">The error as the call reported it (for the log and the console).</param>
/// <param name="RetriedOn">The panelist asked next, or null when none was left.</param>
public sealed record ExtractionFailure(int Excerpt, string Panelist, string Kind, string Error, string? RetriedOn);

/// <summary>
/// How the extraction stage went: how many excerpts of the essay it was asked about, which attempts failed (each retried
/// on the next panelist), and the excerpts no panelist could extract, for which only the offline claims stand.
/// </summary>
/// <param name="Origins">Where each extraction answer came from (<see cref="CallStats.Origin"/>: provider, cache, since), one per attempt that got an answer.</param>
public sealed record ExtractionReport(int Excerpts, IReadOnlyList<ExtractionFailure> Failures, IReadOnlyList<int> ExcerptsNotExtracted, IReadOnlyList<string> Origins)
{
    public static readonly ExtractionReport None = new(0, [], [], []);

    public bool Clean => Failures.Count == 0;

    /// <summary>One sentence per failure, the same words in methodology.md and on the console (no raw error text: a replay says the same).</summary>
    public IEnumerable<string> Sentences() =>
        Failures.Select(f => $"claim extraction by {f.Panelist} failed on excerpt {f.Excerpt} of {Excerpts} ({f.Kind}); "
            + (f.RetriedOn is { } next ? $"retried on {next}" : "no panelist was left to retry it"))
        .Concat(ExcerptsNotExtracted.Select(e => $"no panelist extracted excerpt {e} of {Excerpts}: only the offline claims stand for it"));
}
