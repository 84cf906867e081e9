using System.Globalization;
using System.Text;
using CrossCheck.Agreement;

namespace CrossCheck.Reports;

/// <summary>
/// The researcher's sections appended to methodology.md and report.md: the aggregation rule, the bootstrap intervals
/// with their method and seed, and, with --trials, stability and self-consistency. Empty for a run without a panel.
/// </summary>
public static class ResearchSections
{
    public static string Methodology(ResearchFigures? research)
    {
        if (research is null)
        {
            return "";
        }
        var md = new StringBuilder().AppendLine();
        md.AppendLine("## Aggregation rule").AppendLine();
        md.AppendLine($"Final verdicts were drawn by the rule `{research.Aggregation}`: {research.AggregationRule}. Every rule keeps the guards: a final \"supported\" needs a verified citation, and a quote absent from the sources or a number in conflict caps it. `crosscheck replay <run> --aggregate <rule>` re-decides the same recorded answers under another rule (reconciler-with-guards, majority, strictest) without calling any model.").AppendLine();
        if (research.Intervals is { } i)
        {
            md.AppendLine("## Confidence intervals").AppendLine();
            md.AppendLine($"Method: {i.Method} ({i.Replicates:N0} replicates of the {i.Claims} judged claims, random seed {i.Seed}, {i.Level:P0} percentile intervals). Each figure was recomputed on every resample; a replicate in which a figure is undefined (for instance every verdict the same) is left out, and the number of defined replicates is given.").AppendLine();
            md.AppendLine($"- Fleiss' kappa: {Text(i.Fleiss)}");
            md.AppendLine($"- Krippendorff's alpha, nominal: {Text(i.AlphaNominal)}; ordinal: {Text(i.AlphaOrdinal)}");
            foreach (var p in i.Pairwise)
            {
                md.AppendLine($"- Cohen's kappa {p.PanelistA} × {p.PanelistB}: {Text(p.Interval)}");
            }
            foreach (var f in i.SelfPreference)
            {
                md.AppendLine($"- Self-preference, {f.Name}: {Text(f.Interval)}");
            }
            md.AppendLine();
        }
        md.Append(TrialsText(research));
        return md.ToString();
    }

    public static string Markdown(ResearchFigures? research)
    {
        if (research is null)
        {
            return "";
        }
        var md = new StringBuilder().AppendLine();
        md.AppendLine($"## For researchers").AppendLine();
        md.AppendLine($"Aggregation rule: `{research.Aggregation}`.");
        if (research.Intervals is { } i)
        {
            md.AppendLine($"{i.Level:P0} bootstrap intervals ({i.Replicates:N0} resamples of claims, seed {i.Seed}): Fleiss' kappa {Text(i.Fleiss)}; Krippendorff's alpha nominal {Text(i.AlphaNominal)}, ordinal {Text(i.AlphaOrdinal)}.");
        }
        md.AppendLine();
        md.Append(TrialsText(research));
        return md.ToString();
    }

    private static string TrialsText(ResearchFigures research)
    {
        if (research.Trials is not { } t)
        {
            return "";
        }
        var md = new StringBuilder();
        md.AppendLine("## Repeated trials").AppendLine();
        md.AppendLine($"Every panelist verified every claim {t.Trials} times (trial numbers in the request, so no answer was reused for another trial). A panelist's verdict on a claim is its modal verdict over the trials; its stability is the share of trials that gave that verdict. matrix.json lists every trial's verdict.").AppendLine();
        md.AppendLine("| panelist | self-consistency (mean stability) | claims with every trial agreeing |").AppendLine("|---|---:|---:|");
        foreach (var p in t.Panelists)
        {
            md.AppendLine($"| {p.Panelist} | {p.SelfConsistency.ToString("0.000", CultureInfo.InvariantCulture)} | {p.FullyConsistentShare:P0} of {p.Claims} |");
        }
        md.AppendLine();
        return md.ToString();
    }

    public static string Text(Interval interval) => interval.Low is { } l && interval.High is { } h
        ? $"[{l.ToString("0.000", CultureInfo.InvariantCulture)}, {h.ToString("0.000", CultureInfo.InvariantCulture)}] ({interval.Defined} defined replicates)"
        : "undefined in every replicate";
}
