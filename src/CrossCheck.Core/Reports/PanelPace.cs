using System.Globalization;
using System.Text;
using CrossCheck.Runs;

namespace CrossCheck.Reports;

/// <summary>
/// How long the run waited for each panelist's answers, from request to answer as the model client timed them (the
/// provider's own time, plus retries and waits for its rate and concurrency limits); answers served by the response cache
/// or carried from an earlier run took no time and are left out. Says whether one panelist was so much slower than the
/// rest that it set the run's pace. Drawn from the answers' recorded latencies, so a replay says the same.
/// </summary>
public static class PanelPace
{
    /// <summary>A panelist is called much slower when its median answer time is at least this many times the others'…</summary>
    public const double SlowFactor = 3.0;

    /// <summary>…and at least this much longer, so that 30 ms against 8 ms (a local model, an emulator) is not a finding.</summary>
    public static readonly TimeSpan SlowMargin = TimeSpan.FromSeconds(2);

    /// <summary>One panelist's answers from the providers: how many, and the median time per answer.</summary>
    public sealed record Pace(string Panelist, int Answers, double MedianMs);

    /// <summary>A much slower panelist, with the median of the other panelists' medians it was compared with.</summary>
    public sealed record Slow(Pace Pace, double OthersMedianMs)
    {
        public double Factor => OthersMedianMs > 0 ? Pace.MedianMs / OthersMedianMs : double.PositiveInfinity;
    }

    /// <summary>The pace of each panelist that has answers, in <paramref name="panelOrder"/>.</summary>
    public static IReadOnlyList<Pace> Of(IEnumerable<(string Panelist, double LatencyMs)> answers, IReadOnlyList<string> panelOrder)
    {
        var byPanelist = answers.GroupBy(a => a.Panelist, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(a => a.LatencyMs).ToArray(), StringComparer.Ordinal);
        return panelOrder.Where(byPanelist.ContainsKey).Select(p => new Pace(p, byPanelist[p].Length, Median(byPanelist[p]))).ToArray();
    }

    /// <summary>The panelists whose median is at least <see cref="SlowFactor"/> times, and <see cref="SlowMargin"/> more than, the others'.</summary>
    public static IReadOnlyList<Slow> SlowOnes(IReadOnlyList<Pace> paces)
    {
        var slow = new List<Slow>();
        foreach (var pace in paces)
        {
            var others = paces.Where(p => p != pace).Select(p => p.MedianMs).ToArray();
            if (others.Length == 0)
            {
                continue;
            }
            var othersMedian = Median(others);
            if (pace.MedianMs >= SlowFactor * othersMedian && pace.MedianMs - othersMedian >= SlowMargin.TotalMilliseconds)
            {
                slow.Add(new Slow(pace, othersMedian));
            }
        }
        return slow;
    }

    /// <summary>The methodology note's lines for this run (none when no answer came from a provider).</summary>
    public static void Append(StringBuilder md, RunResult run)
    {
        var answers = run.PanelAnswers
            .Where(a => !a.Failed && a.Stats.Calls > 0 && a.Stats.Origin == "provider")
            .Select(a => (a.Panelist.Id, a.Stats.LatencyMs));
        var panel = run.Options.Panel.Select(p => p.Id).ToArray();
        foreach (var line in Lines(Of(answers, panel), panel))
        {
            md.AppendLine(line);
        }
    }

    /// <summary>
    /// Each panelist's time per answer (a panelist of <paramref name="panel"/> without one: "no answer from its provider"),
    /// then a line for each panelist that set the run's pace.
    /// </summary>
    public static IEnumerable<string> Lines(IReadOnlyList<Pace> paces, IReadOnlyList<string> panel)
    {
        if (paces.Count == 0)
        {
            yield break;
        }
        var times = panel.Select(id => paces.FirstOrDefault(p => p.Panelist == id) is { } p ? $"`{id}` {Duration(p.MedianMs)} ({p.Answers})" : $"`{id}` no answer from its provider");
        yield return $"- Time the run waited for each answer from the providers (median, from request to answer: retries, rate-limit waits and repairs included; answers): {string.Join(", ", times)}.";
        foreach (var slow in SlowOnes(paces))
        {
            // The others' median can be under 1 ms (a local model): then there is no meaningful factor to give.
            var factor = slow.OthersMedianMs >= 1 ? $" ({slow.Factor.ToString(slow.Factor >= 10 ? "0" : "0.#", CultureInfo.InvariantCulture)}×)" : "";
            yield return $"- **The run waited much longer for `{slow.Pace.Panelist}`'s answers than for the rest of the panel's:** a median of {Duration(slow.Pace.MedianMs)} per answer against {Duration(slow.OthersMedianMs)} for the others{factor}: "
                + "a slow model or provider, or its retries and rate limits (its failed calls and the provenance log's records tell which). "
                + "A claim waits for every panelist that has a role in it, so this panelist set the run's pace; its verdicts count the same as the others'.";
        }
    }

    /// <summary>"35 ms", "1.2 s", "14.3 s".</summary>
    public static string Duration(double milliseconds) =>
        milliseconds < 1000
            ? $"{milliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
            : $"{(milliseconds / 1000).ToString("0.0", CultureInfo.InvariantCulture)} s";

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
