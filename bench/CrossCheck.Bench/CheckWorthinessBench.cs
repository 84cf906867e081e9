using System.Globalization;
using CrossCheck.Claims;

namespace CrossCheck.Bench;

/// <summary>
/// Factcheck-Bench subtask 1 (Wang et al.): is a sentence check-worthy? Runs the product's own
/// claim building (ClaimExtractor.Build → Claim.Checkable) on each sentence.
/// </summary>
internal static class CheckWorthinessBench
{
    public static int Run(string path, string[] options)
    {
        var rows = Jsonl.Read(path);
        var gold = new List<bool>();
        var predicted = new List<bool>();
        var errors = new List<(string Sentence, bool Gold, string? Reason)>();
        foreach (var row in rows)
        {
            var sentence = row.GetProperty("sentence").GetString() ?? "";
            var label = row.GetProperty("checkworthy").GetString() ?? "";
            var claim = ClaimExtractor.Build($"F{gold.Count + 1}", sentence, []);
            gold.Add(label.Equals("yes", StringComparison.OrdinalIgnoreCase));
            predicted.Add(claim.Checkable);
            if (gold[^1] != predicted[^1])
            {
                errors.Add((sentence, gold[^1], claim.CheckableReason));
            }
        }
        var (rYes, rNo, balanced) = BinaryScore.Of(gold, predicted);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"Factcheck-Bench {Path.GetFileName(path)}: {gold.Count} sentences ({gold.Count(g => g)} check-worthy, {gold.Count(g => !g)} not)");
        Console.WriteLine(string.Create(inv, $"recall checkworthy={rYes:0.000} not_checkworthy={rNo:0.000}"));
        if (options.Contains("--show"))
        {
            foreach (var (sentence, g, reason) in errors)
            {
                Console.WriteLine($"[gold {(g ? "yes" : "no")}; {reason}] {sentence}");
            }
        }
        Console.WriteLine(string.Create(inv, $"balanced_accuracy={balanced:0.000} n={gold.Count}"));
        return 0;
    }
}
