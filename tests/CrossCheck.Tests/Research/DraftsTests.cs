using System.Text.Json;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;
using Xunit.Abstractions;

namespace CrossCheck.Tests.Research;

/// <summary>Drafts: roles from a stable hash of the claim, and <c>check --since</c> re-checking only what changed (scripted answers are test fixtures).</summary>
public sealed class DraftsTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly PanelistSpec[] Four =
    [
        new("anthropic", "a", "anthropic"), new("openai", "o", "openai"), new("gemini", "g", "google"), new("xai", "x", "xai"),
    ];

    private static string[] Sentences(int count, int seed) =>
        [.. Enumerable.Range(0, count).Select(i => $"Claim {seed}-{i} says the figure is {i * 7 + seed} percent.")];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(40)]
    public void Slots_AreBalancedWithinOnePerSlot(int count)
    {
        var slots = RolePlan.Slots(Sentences(count, count), Four);

        var loads = Enumerable.Range(0, 4).Select(s => slots.Count(x => x == s)).ToArray();
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));
    }

    [Fact]
    public void Slots_FollowTheTextNotThePosition()
    {
        var texts = Sentences(13, 3);
        var reversed = texts.Reverse().ToArray();

        var slots = RolePlan.Slots(texts, Four);
        var again = RolePlan.Slots(reversed, Four);

        Assert.Equal(slots, again.Reverse().ToArray());
    }

    [Fact]
    public void Slots_WithAnchors_KeepTheAnchoredAndBalanceTheRest()
    {
        var texts = Sentences(14, 5);
        var before = RolePlan.Slots(texts[..12], Four);
        var anchors = texts[..12].Select((t, i) => (t, before[i])).ToDictionary(x => x.t, x => x.Item2);
        var edited = texts[..12].Where((_, i) => i != 4).Concat(texts[12..]).ToArray();

        var after = RolePlan.Slots(edited, Four, anchors);

        Assert.All(edited.Take(11), (t, i) => Assert.Equal(anchors[t], after[i]));
        var loads = Enumerable.Range(0, 4).Select(s => after.Count(x => x == s)).ToArray();
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));
    }

    [Fact]
    public async Task CheckSince_AfterOneEditAndOneInsert_AsksTheSeedPanelOnlyAboutThoseTwoClaimsAndKeepsRolesBalanced()
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var first = CliRunner.Run(_temp.Path, ResearchRuns.Env(emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "v1", "--panel", ResearchRuns.SeedPanel, "--quiet");
        Assert.True(first.ExitCode == 0, first.StdErr + first.StdOut);
        var before = emulator.Requests.Count;
        ResearchRuns.EditDraft(essay);

        // --no-cache: the unchanged claims must come from run v1's log, not from the response cache.
        var second = CliRunner.Run(_temp.Path, ResearchRuns.Env(emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "v2", "--panel", ResearchRuns.SeedPanel, "--since", "runs/v1", "--no-cache");

        Assert.True(second.ExitCode == 0, second.StdErr + second.StdOut);
        var asked = ResearchRuns.ClaimsAsked(emulator, before);
        Assert.Equal(1, asked.Count(c => c is null)); // the extraction stage reads the whole (changed) essay once
        Assert.Equal(new[] { ResearchRuns.EditedTo, ResearchRuns.Inserted }.Order(), asked.OfType<string>().Distinct().Order());
        Assert.Equal(2 * (1 + 4 + 1 + 1), asked.Count(c => c is not null)); // draft, 4 verifies, attack, reconcile each
        Assert.Contains("1 changed, 1 new", second.StdErr, StringComparison.Ordinal);

        var claims = ResearchRuns.Json(Path.Combine(_temp.Path, "runs", "v2", "claims.json"));
        foreach (var (role, counts) in ResearchRuns.RoleCounts(claims))
        {
            Assert.True(counts.Max() - counts.Min() <= 1, $"{role} uneven: {string.Join(",", counts)}");
        }
        var log = File.ReadLines(Path.Combine(_temp.Path, "runs", "v2", "provenance.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var since = log.Single(r => r.GetProperty("type").GetString() == "since").GetProperty("data");
        Assert.Equal("v1", since.GetProperty("run").GetString());
        Assert.Equal(1, since.GetProperty("changed").GetArrayLength());
        Assert.Equal(1, since.GetProperty("new").GetArrayLength());
        var checkable = claims.GetProperty("claims").EnumerateArray().Count(c => c.GetProperty("checkable").GetBoolean());
        Assert.Equal(checkable - 2, since.GetProperty("unchanged").GetArrayLength());
        var matrix = File.ReadAllText(Path.Combine(_temp.Path, "runs", "v2", "matrix.json"));
        Assert.Contains("unchanged since run v1", matrix, StringComparison.Ordinal);
        Assert.Contains("unchanged since run v1", File.ReadAllText(Path.Combine(_temp.Path, "runs", "v2", "report.md")), StringComparison.Ordinal);
        var carried = log.Where(r => r.GetProperty("type").GetString() == "model_call" && r.GetProperty("data").TryGetProperty("origin", out var o) && o.GetString() == "since").Count();
        Assert.Equal((checkable - 2) * 7, carried);

        // The carried answers are in v2's own log, so v2 replays without calling anything.
        var requests = emulator.Requests.Count;
        var replay = CliRunner.Run(_temp.Path, new Dictionary<string, string>(), "replay", "runs/v2", "--out", "v2-replayed");
        Assert.True(replay.ExitCode == 0, replay.StdErr + replay.StdOut);
        Assert.Equal(requests, emulator.Requests.Count);
        Assert.Equal(matrix, File.ReadAllText(Path.Combine(_temp.Path, "v2-replayed", "matrix.json")));
    }

    /// <summary>
    /// Without --since only the response cache helps: an unchanged claim whose roles stayed the same sends the same
    /// requests and none reaches a provider. Exact balance means a change can move a few other claims along a
    /// rejection chain (<see cref="RolePlan"/>); those, and only those, are asked again.
    /// </summary>
    [Fact]
    public async Task Rerun_WithoutSince_AsksAgainOnlyTheChangedClaimsAndThoseWhoseRolesMoved()
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var first = CliRunner.Run(_temp.Path, ResearchRuns.Env(emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "v1", "--panel", ResearchRuns.SeedPanel, "--quiet");
        Assert.True(first.ExitCode == 0, first.StdErr + first.StdOut);
        var before = emulator.Requests.Count;
        ResearchRuns.EditDraft(essay);

        var second = CliRunner.Run(_temp.Path, ResearchRuns.Env(emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "v2", "--panel", ResearchRuns.SeedPanel, "--quiet");

        Assert.True(second.ExitCode == 0, second.StdErr + second.StdOut);
        var rolesBefore = Roles(ResearchRuns.Json(Path.Combine(_temp.Path, "runs", "v1", "claims.json")));
        var claims = ResearchRuns.Json(Path.Combine(_temp.Path, "runs", "v2", "claims.json"));
        var rolesAfter = Roles(claims);
        var moved = rolesAfter.Where(r => rolesBefore.TryGetValue(r.Key, out var old) && old != r.Value).Select(r => r.Key);
        var expected = moved.Append(ResearchRuns.EditedTo).Append(ResearchRuns.Inserted).Order().ToArray();
        var asked = ResearchRuns.ClaimsAsked(emulator, before).OfType<string>().Distinct().Order().ToArray();
        Assert.Equal(expected, asked);
        output.WriteLine($"unchanged claims whose roles moved: {moved.Count()} of {rolesBefore.Count - 1}");
        Assert.True(moved.Count() < rolesBefore.Count / 2, $"{moved.Count()} of {rolesBefore.Count} unchanged claims changed roles");
        foreach (var (role, counts) in ResearchRuns.RoleCounts(claims))
        {
            Assert.True(counts.Max() - counts.Min() <= 1, $"{role} uneven: {string.Join(",", counts)}");
        }
    }

    private static Dictionary<string, string> Roles(JsonElement claims) =>
        claims.GetProperty("claims").EnumerateArray().Where(c => c.TryGetProperty("panel", out var p) && p.ValueKind == JsonValueKind.Object)
            .ToDictionary(c => c.GetProperty("text").GetString()!, c => string.Join("|", new[] { "drafter", "attacker", "reconciler" }.Select(r => c.GetProperty("panel").GetProperty(r).GetString())));
}
