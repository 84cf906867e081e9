using System.Globalization;
using System.Text;
using CrossCheck.Panel;
using CrossCheck.Runs;

namespace CrossCheck.Reports;

/// <summary>
/// The parts of <c>methodology.md</c> that say how the panel's run really went, beside what it was meant to do: the
/// preflight (which panelists were checked, with what result), the claim extraction (failed attempts and where they
/// were retried), where the answers came from (the providers, the response cache, an earlier run) and what was paid.
/// Each sentence is drawn from the run's own data and reads the same on a replay.
/// </summary>
public static class MethodologyNotes
{
    private static readonly string[] StageOrder = ["extract", "draft", "verify", "attack", "reconcile"];

    /// <summary>"Preflight: …" — which panelists' models were checked before the first paid call, and how each answered.</summary>
    public static void AppendPreflight(StringBuilder md, RunResult run)
    {
        if (run.Options.Panel.Count == 0)
        {
            return;
        }
        if (run.Preflight.Count == 0)
        {
            md.AppendLine("- Preflight: no preflight check was made before this run (`CrossCheck:Preflight` off); a mistyped model or a rejected key would only have shown in the run's own calls.");
            return;
        }
        var ok = run.Preflight.Where(r => r.Ok).Select(r => $"`{r.Panelist.Id}`").ToArray();
        var failed = run.Preflight.Where(r => !r.Ok).Select(r => $"`{r.Panelist.Id}` ({MarkdownReportWriter.Escape(WithoutId(r))})").ToArray();
        md.AppendLine($"- Preflight: before the first paid call, each of the {run.Preflight.Count} panelist model(s) was sent a one-token request. "
            + (ok.Length > 0 ? $"Answered: {string.Join(", ", ok)}. " : "")
            + (failed.Length > 0 ? $"Did not answer, which says nothing against its key or model, so the run went on and left it to its retries and outage rules: {string.Join("; ", failed)}." : "Every panelist answered.").TrimEnd());
    }

    /// <summary>"Claim extraction: …" — how many excerpts, and each failed attempt with where it was retried.</summary>
    public static void AppendExtraction(StringBuilder md, RunResult run)
    {
        var extraction = run.Extraction;
        if (extraction.Excerpts == 0)
        {
            return;
        }
        if (extraction.Clean)
        {
            md.AppendLine($"- Claim extraction: {extraction.Excerpts} excerpt(s) of the essay, each extracted at the first attempt.");
            return;
        }
        md.AppendLine($"- **Claim extraction did not go cleanly:** {string.Join("; ", extraction.Sentences())}.");
    }

    /// <summary>
    /// Where the panel's answers came from, per stage: the providers (paid), the response cache, or an earlier run
    /// (<c>--since</c>). Never an empty "by stage" list: a run served wholly from the cache says so.
    /// </summary>
    public static void AppendOrigins(StringBuilder md, RunResult run)
    {
        var origins = Origins(run);
        var total = origins.Values.Sum(o => o.Values.Sum());
        if (total == 0)
        {
            return;
        }
        int Count(string origin) => origins.GetValueOrDefault(origin)?.Values.Sum() ?? 0;
        string ByStage(string origin) => string.Join(", ", StageOrder.Where(s => origins[origin].ContainsKey(s)).Select(s => $"{s} {origins[origin][s]}"));
        var parts = new List<string>();
        if (Count("provider") > 0)
        {
            parts.Add($"{Count("provider")} from the providers ({ByStage("provider")})");
        }
        if (Count("cache") > 0)
        {
            parts.Add($"{Count("cache")} served from the response cache, no provider called and nothing paid ({ByStage("cache")})");
        }
        if (Count("since") > 0)
        {
            parts.Add($"{Count("since")} carried from the earlier run named by --since ({ByStage("since")})");
        }
        md.AppendLine($"- Where the {total} answer(s) that arrived came from (extraction included, repairs not counted): {string.Join("; ", parts)}.");
        if (Count("provider") == 0 && Count("cache") > 0)
        {
            md.AppendLine("- **No model was called for this run:** every answer above was served from the response cache, recorded when an earlier run with the same requests called the providers. Use `--no-cache` to ask the models again.");
        }
    }

    /// <summary>The cost line; when nothing was paid, says why instead of an empty list of stages.</summary>
    public static void AppendCost(StringBuilder md, CostSummary cost)
    {
        if (cost.Calls == 0 || cost.ByStage.Count == 0)
        {
            md.AppendLine("- Cost: US$0: no call of this run was paid for (the answers came from the response cache or an earlier run, as above).");
            return;
        }
        md.AppendLine($"- Cost: {MarkdownReportWriter.CostText(cost)} by the editable price table in the configuration, for {cost.Calls} paid call(s); by stage: {string.Join(", ", cost.ByStage.Select(p => $"{p.Key} {p.Value.Calls} calls US${p.Value.KnownCost.ToString("0.00##", CultureInfo.InvariantCulture)}"))}.");
    }

    private static string WithoutId(PreflightResult result) =>
        result.Message.StartsWith(result.Panelist.Id + ": ", StringComparison.Ordinal) ? result.Message[(result.Panelist.Id.Length + 2)..] : result.Message;

    /// <summary>Answers by origin, then by stage key (extract, draft, verify, attack, reconcile).</summary>
    public static IReadOnlyDictionary<string, Dictionary<string, int>> Origins(RunResult run)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        void Add(string origin, string stage)
        {
            var byStage = counts.TryGetValue(origin, out var b) ? b : counts[origin] = new Dictionary<string, int>(StringComparer.Ordinal);
            byStage[stage] = byStage.GetValueOrDefault(stage) + 1;
        }
        foreach (var origin in run.Extraction.Origins)
        {
            Add(origin, "extract");
        }
        foreach (var answer in run.PanelAnswers)
        {
            if (answer.Stats.Origin is { } origin)
            {
                Add(origin, answer.Stage.ToLowerInvariant());
            }
        }
        return counts;
    }
}
