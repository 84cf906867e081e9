using System.Diagnostics;
using System.Globalization;
using CrossCheck.Agreement;
using CrossCheck.Checks;

namespace CrossCheck.Bench;

/// <summary>
/// The bootstrap's intervals (<see cref="Bootstrap.Intervals"/>) against the general code it must equal
/// (<see cref="Bootstrap.ReferenceIntervals"/>), side by side on generated tables of verdicts; prints CPU time per call
/// and the ratio, and checks the two give the same intervals.
/// </summary>
internal static class BootstrapBench
{
    private static readonly Verdict?[] Cells =
        [Verdict.Supported, Verdict.Supported, Verdict.PartiallySupported, Verdict.NotInSource, Verdict.Contradicted, Verdict.NotCheckable, null];

    public static int Run(string[] args)
    {
        var rounds = args.Select(a => a.StartsWith("rounds=", StringComparison.Ordinal) ? int.Parse(a[7..], CultureInfo.InvariantCulture) : 0).DefaultIfEmpty(0).Max();
        rounds = rounds > 0 ? rounds : 5;
        var same = true;
        foreach (var (claims, panelists) in new[] { (15, 4), (60, 4), (200, 6), (1000, 4) })
        {
            var table = Table(claims, panelists);
            same &= Bootstrap.Intervals(table).Fleiss == Bootstrap.ReferenceIntervals(table).Fleiss; // warm-up, and a check
            double general = 0, fast = 0;
            for (var r = 0; r < rounds; r++)
            {
                general += CpuMs(() => Bootstrap.ReferenceIntervals(table));
                fast += CpuMs(() => Bootstrap.Intervals(table));
            }
            Console.WriteLine(FormattableString.Invariant(
                $"{claims,5} claims x {panelists} panelists, {Bootstrap.DefaultReplicates} replicates: general {general / rounds,8:0.0} ms, bootstrap {fast / rounds,7:0.0} ms CPU per call; ratio {general / fast:0.0}x"));
        }
        Console.WriteLine(same ? "same intervals: yes" : "same intervals: NO");
        return same ? 0 : 1;
    }

    private static double CpuMs(Action action)
    {
        var before = Environment.CpuUsage.TotalTime;
        action();
        return (Environment.CpuUsage.TotalTime - before).TotalMilliseconds;
    }

    private static RatingsTable Table(int claims, int panelists)
    {
        string[] families = ["anthropic", "openai", "google", "xai", "meta", "mistral"];
        var random = new Random(claims * 31 + panelists);
        return new RatingsTable(
            [.. Enumerable.Range(0, claims).Select(i => new RatedClaim($"C{i}", families[i % panelists]))],
            [.. Enumerable.Range(0, panelists).Select(i => new RatedPanelist($"p{i}", families[i]))],
            [.. Enumerable.Range(0, claims).Select(_ => (IReadOnlyList<Verdict?>)[.. Enumerable.Range(0, panelists).Select(_ => Cells[random.Next(Cells.Length)])])]);
    }
}
