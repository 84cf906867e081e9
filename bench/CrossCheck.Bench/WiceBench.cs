using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CrossCheck.Checks;
using CrossCheck.Evidence;
using CrossCheck.Ingest;

namespace CrossCheck.Bench;

/// <summary>
/// WiCE (Kamoi et al., 2023): each claim against the sentences of the page it cites, through the
/// product's own retrieval (Bm25Index + EvidenceSelector, 2,000-token budget) and SupportScorer.
/// Positive = supported; negative = partially_supported or not_supported (as in LLM-AggreFact).
/// </summary>
internal static class WiceBench
{
    private const int Folds = 5;
    private static readonly int[] Seeds = [1, 2, 3, 4, 5];

    /// <summary>L2 penalty of the logistic fit (per claim); 0.1 (best in cross-validation) unless --l2 says otherwise.</summary>
    private static double L2 { get; set; } = 0.01;

    /// <summary>The evidence selector's settings: the product's default unless --ablation i picks one of EvidenceSelectorOptions.Ablations().</summary>
    private static EvidenceSelectorOptions Selector { get; set; } = EvidenceSelectorOptions.Default;

    private static bool WithoutContext { get; set; }

    public static int Run(string path, string[] options)
    {
        var fit = options.Contains("--fit");
        var l2At = Array.IndexOf(options, "--l2");
        L2 = l2At >= 0 && l2At + 1 < options.Length ? double.Parse(options[l2At + 1], CultureInfo.InvariantCulture) : 0.1;
        var ablationAt = Array.IndexOf(options, "--ablation");
        if (ablationAt >= 0 && ablationAt + 1 < options.Length)
        {
            var (name, chosen) = EvidenceSelectorOptions.Ablations()[int.Parse(options[ablationAt + 1], CultureInfo.InvariantCulture)];
            Selector = chosen;
            Console.WriteLine($"evidence selector: {name}");
        }
        // GroundingChecker scores support on the hits, leaving the context passages out; --score-with-context shows
        // what scoring them too would give.
        WithoutContext = !options.Contains("--score-with-context");
        var rows = Jsonl.Read(path);
        var clock = Stopwatch.StartNew();
        var cases = new List<Case>(rows.Count);
        foreach (var row in rows)
        {
            cases.Add(Evaluate(row, cases.Count));
        }
        var seconds = clock.Elapsed.TotalSeconds;

        var gold = cases.Select(c => c.Label == "supported").ToArray();
        var predicted = cases.Select(c => c.Assessment.Level == SupportLevel.Supported).ToArray();
        var (rPos, rNeg, balanced) = BinaryScore.Of(gold, predicted);

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"WiCE {Path.GetFileName(path)}: {cases.Count} claims ({cases.Count(c => c.Label == "supported")} supported, {cases.Count(c => c.Label == "partially_supported")} partially_supported, {cases.Count(c => c.Label == "not_supported")} not_supported), {seconds:0.0} s"));
        Console.WriteLine(string.Create(inv, $"recall supported={rPos:0.000} not_supported+partial={rNeg:0.000}"));
        foreach (var label in new[] { "partially_supported", "not_supported" })
        {
            var subset = cases.Where(c => c.Label == label).ToArray();
            Console.WriteLine(string.Create(inv, $"  recall of {label} alone (judged not Supported): {subset.Count(c => c.Assessment.Level != SupportLevel.Supported) / (double)Math.Max(1, subset.Length):0.000}"));
        }
        Console.WriteLine("levels by gold label (Supported / Partial / Absent):");
        foreach (var label in new[] { "supported", "partially_supported", "not_supported" })
        {
            var subset = cases.Where(c => c.Label == label).ToArray();
            Console.WriteLine($"  {label,-20} {subset.Count(c => c.Assessment.Level == SupportLevel.Supported),4} {subset.Count(c => c.Assessment.Level == SupportLevel.Partial),4} {subset.Count(c => c.Assessment.Level == SupportLevel.Absent),4}");
        }

        var withGold = cases.Where(c => c.GoldSets.Count > 0).ToArray();
        var hits = withGold.Count(c => c.GoldSets.Any(set => set.All(c.Selected.Contains)));
        var hitRate = withGold.Length == 0 ? 0 : hits / (double)withGold.Length;
        Console.WriteLine(string.Create(inv, $"retrieval: hit when one gold supporting_sentences set lies inside the selected sentences; {hits}/{withGold.Length} = {hitRate:0.000} ({cases.Count - withGold.Length} claims without a gold set excluded); mean {cases.Average(c => c.Selected.Count):0.0} of {cases.Average(c => c.Sentences):0.0} sentences selected"));

        var dropAt = Array.IndexOf(options, "--drop");
        var drop = dropAt >= 0 && dropAt + 1 < options.Length ? options[dropAt + 1].Split(',').Select(int.Parse).ToHashSet() : [];
        var vectors = cases.Select(c => c.Features.ToVector().Where((_, i) => !drop.Contains(i)).ToArray()).ToArray();
        var coverage = cases.Select(c => c.Features.TopCoverage).ToArray();
        var cv = Seeds.Select(seed => CrossValidate(vectors, coverage, gold, seed)).ToArray();
        var cvMean = cv.Average();
        var cvSd = Math.Sqrt(cv.Select(v => (v - cvMean) * (v - cvMean)).Sum() / Math.Max(1, cv.Length - 1));
        Console.WriteLine(string.Create(inv, $"balanced accuracy in-sample (weights fitted on this dev set) = {balanced:0.000}"));
        Console.WriteLine(string.Create(inv, $"balanced accuracy {Folds}-fold cross-validated (refit on 4/5, scored on 1/5; mean of {cv.Length} shuffles) = {cvMean:0.000} (sd {cvSd:0.000}; {string.Join(" ", cv.Select(v => v.ToString("0.000", inv)))})"));

        if (options.Contains("--show"))
        {
            foreach (var c in cases.Where(c => (c.Label == "supported") != (c.Assessment.Level == SupportLevel.Supported)).Take(60))
            {
                Console.WriteLine(string.Create(inv, $"[{c.Label} -> {c.Assessment.Level} {c.Assessment.Score:0.00}] {c.Claim}\n    {c.Assessment.Reason}\n    f={string.Join(" ", c.Features.ToVector().Select(v => v.ToString("0.00", inv)))}"));
            }
        }
        if (fit)
        {
            var w = Logistic.Fit(vectors, gold, L2);
            var fitted = BinaryScore.Of(gold, vectors.Select((v, i) => Logistic.Predict(w, v) >= 0.5 && coverage[i] >= SupportScorer.MinSupportedCoverage).ToArray()).Balanced;
            Console.WriteLine(string.Create(inv, $"fitted on all {cases.Count} claims (in-sample {fitted:0.000}):"));
            Console.WriteLine(string.Create(inv, $"  private const double Bias = {w[0]:0.####};"));
            Console.WriteLine(string.Create(inv, $"  private static readonly double[] Weights = [{string.Join(", ", w.Skip(1).Select(v => v.ToString("0.####", inv)))}];"));
            Console.WriteLine($"  // features: {string.Join(", ", SupportFeatures.Names)}");
        }
        Console.WriteLine(string.Create(inv, $"balanced_accuracy={balanced:0.000} retrieval_hit_rate={hitRate:0.000} n={cases.Count}"));
        return 0;
    }

    /// <summary>Pooled balanced accuracy of refitting on 4/5 and judging 1/5, with the scorer's coverage floor for Supported.</summary>
    private static double CrossValidate(double[][] x, double[] topCoverage, bool[] y, int seed)
    {
        var order = Enumerable.Range(0, x.Length).ToArray();
        new Random(seed).Shuffle(order);
        var predicted = new bool[x.Length];
        for (var fold = 0; fold < Folds; fold++)
        {
            var train = order.Where((_, i) => i % Folds != fold).ToArray();
            var w = Logistic.Fit(train.Select(i => x[i]).ToArray(), train.Select(i => y[i]).ToArray(), L2);
            foreach (var i in order.Where((_, k) => k % Folds == fold))
            {
                predicted[i] = Logistic.Predict(w, x[i]) >= 0.5 && topCoverage[i] >= SupportScorer.MinSupportedCoverage;
            }
        }
        return BinaryScore.Of(y, predicted).Balanced;
    }

    private static Case Evaluate(JsonElement row, int number)
    {
        var label = row.GetProperty("label").GetString() ?? "";
        var claim = row.GetProperty("claim").GetString() ?? "";
        var sentences = row.GetProperty("evidence").EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
        var goldSets = row.TryGetProperty("supporting_sentences", out var s)
            ? s.EnumerateArray().Select(set => set.EnumerateArray().Select(i => i.GetInt32()).ToArray()).Where(set => set.Length > 0).ToList()
            : [];

        // One plain-text document; each sentence is its own paragraph and its own passage, with
        // the sentence index in the passage id.
        var text = new StringBuilder();
        var spans = new List<(int Start, int End)>(sentences.Length);
        foreach (var sentence in sentences)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }
            var start = text.Length;
            text.Append(sentence.Replace('\n', ' '));
            spans.Add((start, text.Length));
        }
        var body = text.ToString();
        var document = new Document($"W{number}", $"wice-{number}.txt", DocumentKind.PlainText, body, [new Page(1, 0, body.Length)], "", Encoding.UTF8.GetByteCount(body));
        var passages = spans.Select((span, i) => new Passage($"W{number}#{i}", document, span.Start, span.End, 1, null)).ToArray();
        using var index = new Bm25Index(passages);
        var evidence = new EvidenceSelector(index, 2000, Selector).Select(claim);
        var selected = evidence.Select(p => p.Passage).ToArray();
        var indices = selected.Select(p => int.Parse(p.Id[(p.Id.IndexOf('#') + 1)..], CultureInfo.InvariantCulture)).ToHashSet();
        var scored = evidence.Where(e => !(WithoutContext && e.IsContext)).Select(e => e.Passage).ToArray();
        var assessment = SupportScorer.Assess(claim, scored);
        var features = SupportFeatures.Compute(claim, scored);
        return new Case(claim, label, goldSets, indices, sentences.Length, assessment, features);
    }

    private sealed record Case(string Claim, string Label, List<int[]> GoldSets, HashSet<int> Selected, int Sentences, SupportAssessment Assessment, SupportFeatures Features);
}
