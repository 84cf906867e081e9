using System.Globalization;
using System.Text.Json;
using CrossCheck.Checks;

namespace CrossCheck.Review;

/// <summary>
/// Every editor's decision recorded in a run's provenance log (its <c>human</c> records), in log
/// order; for each claim the latest decision counts.
/// </summary>
public sealed class HumanReview
{
    /// <summary>The record type of one decision in the provenance log.</summary>
    public const string RecordType = "human";

    /// <summary>The record that closes a review session; a reviewed run's log ends with it.</summary>
    public const string EndType = "review_end";

    public HumanReview(IReadOnlyList<HumanDecision> all)
    {
        All = all;
        Latest = all.GroupBy(d => d.ClaimId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    public IReadOnlyList<HumanDecision> All { get; }

    public IReadOnlyDictionary<string, HumanDecision> Latest { get; }

    public IReadOnlyList<string> Reviewers => All.Select(d => d.Reviewer).Distinct(StringComparer.Ordinal).ToArray();

    public HumanDecision? For(string claimId) => Latest.GetValueOrDefault(claimId);

    /// <summary>The review recorded in a log, or null when it holds no human record.</summary>
    public static HumanReview? FromLog(string logPath)
    {
        var decisions = new List<HumanDecision>();
        foreach (var line in File.ReadLines(logPath))
        {
            if (line.Length == 0 || !line.Contains("\"type\":\"human\"", StringComparison.Ordinal))
            {
                continue;
            }
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("type").GetString() != RecordType)
            {
                continue;
            }
            var d = root.GetProperty("data");
            HumanDecisionNames.TryParse(d.GetProperty("decision").GetString(), out var kind);
            VerdictNames.TryParse(d.GetProperty("final_verdict").GetString() ?? "", out var final);
            Verdict? verdict = d.TryGetProperty("verdict", out var v) && v.ValueKind == JsonValueKind.String && VerdictNames.TryParse(v.GetString()!, out var parsed) ? parsed : null;
            decisions.Add(new HumanDecision(
                d.GetProperty("claim").GetString()!,
                kind,
                d.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null,
                verdict,
                final,
                d.GetProperty("reviewer").GetString() ?? "",
                DateTimeOffset.Parse(root.GetProperty("at").GetString()!, CultureInfo.InvariantCulture)));
        }
        return decisions.Count == 0 ? null : new HumanReview(decisions);
    }
}
