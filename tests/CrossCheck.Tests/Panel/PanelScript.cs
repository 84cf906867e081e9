using System.Collections.Concurrent;
using System.Text.Json;
using CrossCheck.Panel;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;

namespace CrossCheck.Tests.Panel;

/// <summary>
/// TEST FIXTURE — scripted model answers for the provider emulator. Nothing here is a model's
/// output: it answers each stage by rule so tests can assert what the program does with answers.
/// It reads the stage from the system prompt and the claim from the DATA block of the user message.
/// </summary>
public sealed class PanelScript
{
    private readonly ConcurrentBag<(string Stage, string Provider, string? Model, string? Claim)> _seen = [];

    /// <summary>The verdict every panelist gives a claim, by a piece of its text; unknown claims get "supported".</summary>
    public Func<string, string> VerdictFor { get; init; } = _ => "supported";

    /// <summary>When set, this provider answers its verify calls with text that is not JSON (and the repair too unless <see cref="RepairSucceeds"/>).</summary>
    public string? BrokenVerifier { get; init; }

    public bool RepairSucceeds { get; init; }

    /// <summary>When set, this provider reconciles every claim as "supported", citing real source words on a page they are not on (a prompt-injected or sycophantic reconciler).</summary>
    public string? InjectedReconciler { get; init; }

    /// <summary>When true, every reconciler declines to judge: verdict not_checkable, no citation (a refusing reconciler).</summary>
    public bool RefusingReconcilers { get; init; }

    /// <summary>When set, this provider cites a quotation that is not in the source.</summary>
    public string? FabricatingProvider { get; init; }

    public const string FabricatedQuote = "The model is perfectly safe in every setting we could imagine.";

    /// <summary>Extraction also returns this claim, which is not in the essay and must be rejected.</summary>
    public const string InventedClaim = "Meridian Labs promised free lunches for every user.";

    public IReadOnlyList<(string Stage, string Provider, string? Model, string? Claim)> Seen => [.. _seen];

    /// <summary>The verdict the sample essay's planted claim should get (<see cref="SampleEssay.Expected"/>); "supported" for the others.</summary>
    public static string SampleVerdict(string claim) =>
        SampleEssay.Expected.FirstOrDefault(e => claim.Contains(e.TextContains, StringComparison.Ordinal)).Verdict ?? "supported";

    /// <summary>The environment that points every provider of the real program at the emulator.</summary>
    public static Dictionary<string, string> Env(ProviderEmulator emulator, string key) =>
        emulator.Environment(key).ToDictionary(p => p.Key, p => p.Value ?? "");

    public static string StageOf(EmulatedRequest request)
    {
        var system = request.Messages.FirstOrDefault(m => m.Role == "system")?.Content ?? "";
        return system switch
        {
            _ when system.StartsWith("You extract", StringComparison.Ordinal) => "Extract",
            _ when system.StartsWith("You prepare", StringComparison.Ordinal) => "Draft",
            _ when system.StartsWith("You are a meticulous", StringComparison.Ordinal) => "Verify",
            _ when system.StartsWith("You are an adversarial", StringComparison.Ordinal) => "Attack",
            _ when system.StartsWith("You are the final reconciler", StringComparison.Ordinal) => "Reconcile",
            _ when system.StartsWith("Your previous answer", StringComparison.Ordinal) => "Repair",
            _ => "Unknown",
        };
    }

    public static JsonElement? Data(EmulatedRequest request)
    {
        var user = request.Messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";
        var open = user.IndexOf(DataEnvelope.Open, StringComparison.Ordinal);
        var close = user.LastIndexOf(DataEnvelope.Close, StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            return null;
        }
        using var doc = JsonDocument.Parse(user[(open + DataEnvelope.Open.Length)..close]);
        return doc.RootElement.Clone();
    }

    public ScriptedReply Answer(EmulatedRequest request)
    {
        var stage = StageOf(request);
        var data = Data(request);
        var claim = data is { } d && d.TryGetProperty("claim", out var c) ? c.GetString() : null;
        _seen.Add((stage, request.Provider, request.Model, claim));
        return stage switch
        {
            "Extract" => Json(new
            {
                claims = new object[]
                {
                    new { text = FirstSentence(data), kind = "factual", checkable = true },
                    new { text = InventedClaim, kind = "factual", checkable = true },
                },
            }),
            "Draft" => Json(new { proposition = claim, required_evidence = "the passage stating it", key_terms = Array.Empty<string>() }),
            "Verify" when request.Provider == BrokenVerifier => ScriptedReply.Answer("Sure! The claim looks fine to me."),
            "Verify" => Json(new
            {
                verdict = VerdictFor(claim ?? ""),
                confidence = 0.8,
                rationale = "scripted test answer",
                citations = request.Provider == FabricatingProvider
                    ? new[] { new { passage_id = "E1", page = 1, quote = FabricatedQuote } }
                    : Evidence(data).Take(1).Select(e => new { passage_id = e.Id, page = e.Page, quote = e.Quote }).ToArray(),
            }),
            "Attack" => Json(new { challenges = new[] { new { type = "none", argument = "scripted test answer", citations = Array.Empty<object>() } }, proposed_verdict = Majority(data) }),
            "Reconcile" when RefusingReconcilers => Json(new { verdict = "not_checkable", rationale = "scripted refusal: I cannot judge this", suggested_correction = "", citations = Array.Empty<object>() }),
            "Reconcile" when request.Provider == InjectedReconciler => Json(new
            {
                verdict = "supported",
                rationale = "scripted injected answer",
                suggested_correction = "",
                citations = Evidence(data).Take(1).Select(e => new { passage_id = e.Id, page = e.Page + 40, quote = e.Quote }).ToArray(),
            }),
            "Reconcile" => Json(new { verdict = Majority(data), rationale = "scripted test answer", suggested_correction = "", citations = Array.Empty<object>() }),
            "Repair" when RepairSucceeds => Json(new { verdict = "not_in_source", confidence = 0.5, rationale = "scripted repaired answer", citations = Array.Empty<object>() }),
            "Repair" => ScriptedReply.Answer("Still not JSON, sorry."),
            _ => ScriptedReply.Answer("{}"),
        };
    }

    private static ScriptedReply Json(object value) => ScriptedReply.Answer(JsonSerializer.Serialize(value), inputTokens: 900, outputTokens: 120);

    private static string FirstSentence(JsonElement? data)
    {
        var excerpt = data is { } d && d.TryGetProperty("essay_excerpt", out var e) ? e.GetString() ?? "" : "";
        var start = excerpt.IndexOf("Meridian Labs published", StringComparison.Ordinal);
        return start < 0 ? "" : excerpt[start..(excerpt.IndexOf('.', start) + 1)];
    }

    private static IEnumerable<(string Id, int Page, string Quote)> Evidence(JsonElement? data)
    {
        if (data is not { } d || !d.TryGetProperty("evidence", out var evidence))
        {
            yield break;
        }
        foreach (var e in evidence.EnumerateArray())
        {
            var text = e.GetProperty("text").GetString() ?? "";
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(8);
            yield return (e.GetProperty("id").GetString()!, e.GetProperty("page").GetInt32(), string.Join(' ', words));
        }
    }

    private static string Majority(JsonElement? data)
    {
        if (data is { } d && d.TryGetProperty("reviews", out var reviews))
        {
            var top = reviews.EnumerateArray().Select(r => r.GetProperty("verdict").GetString()).Where(v => v != "failed")
                .GroupBy(v => v).OrderByDescending(g => g.Count()).FirstOrDefault();
            if (top is not null)
            {
                return top.Key!;
            }
        }
        return data is { } m && m.TryGetProperty("majority_verdict", out var mv) ? mv.GetString()! : "supported";
    }
}
