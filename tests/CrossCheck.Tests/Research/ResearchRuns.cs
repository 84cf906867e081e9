using System.Text.Json;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;

namespace CrossCheck.Tests.Research;

/// <summary>Shared pieces of the research tests: the seed panel, the emulator's environment, a draft edit of the sample essay, and what a run folder holds.</summary>
internal static class ResearchRuns
{
    public const string SeedPanel = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1";

    public const string EditedFrom = "On coding, Halcyon-3 resolved 71.4% of tasks on the internal repository-repair benchmark.";
    public const string EditedTo = "On coding, Halcyon-3 resolved 71.4% of the tasks on its internal repository-repair benchmark.";
    public const string Inserted = "The system card was reviewed by an outside panel of security experts before release.";
    public const string RemovedSentence = "The model was trained on 40 trillion tokens of multilingual web data.";

    public static Dictionary<string, string> Env(ProviderEmulator emulator) => PanelScript.Env(emulator, FakeKeys.Sk("emulated-test-key-0013"));

    /// <summary>The sample essay with one sentence reworded and one inserted (and, when asked, one removed).</summary>
    public static void EditDraft(string essayPath, bool removeOne = false)
    {
        var text = File.ReadAllText(essayPath);
        Assert.Contains(EditedFrom, text, StringComparison.Ordinal);
        text = text.Replace(EditedFrom, EditedTo, StringComparison.Ordinal);
        text = text.Replace("In my view the safety story is less tidy.", "In my view the safety story is less tidy. " + Inserted, StringComparison.Ordinal);
        if (removeOne)
        {
            Assert.Contains(RemovedSentence + " ", text, StringComparison.Ordinal);
            text = text.Replace(RemovedSentence + " ", "", StringComparison.Ordinal);
        }
        File.WriteAllText(essayPath, text);
    }

    public static JsonElement Json(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    /// <summary>The claim each emulator request was about (null for extraction), in the order they came.</summary>
    public static string?[] ClaimsAsked(ProviderEmulator emulator, int skip = 0) =>
        [.. emulator.Requests.Skip(skip).Select(r => PanelScript.Data(r.Parsed!) is { } d && d.TryGetProperty("claim", out var c) ? c.GetString() : null)];

    /// <summary>Per role (drafter, attacker, reconciler): how many checkable claims each panelist held it for, from claims.json.</summary>
    public static Dictionary<string, int[]> RoleCounts(JsonElement claims)
    {
        var panelists = SeedPanel.Split(',');
        var judged = claims.GetProperty("claims").EnumerateArray().Where(c => c.TryGetProperty("panel", out var p) && p.ValueKind == JsonValueKind.Object).ToArray();
        return new[] { "drafter", "attacker", "reconciler" }.ToDictionary(
            role => role,
            role => panelists.Select(p => judged.Count(c => c.GetProperty("panel").GetProperty(role).GetString() == p)).ToArray());
    }
}
