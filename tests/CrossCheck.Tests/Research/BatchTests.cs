using CrossCheck.Batch;
using CrossCheck.Ingest;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Research;

/// <summary><c>crosscheck batch</c>: many essays with one panel, budget and cache (scripted answers are test fixtures).</summary>
public sealed class BatchTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Batch_OfThreeEssays_WritesThreeRunFoldersAndAPooledSummary()
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var text = File.ReadAllText(essay);
        File.WriteAllText(_temp.File("sample/second.md"), text.Replace(ResearchRuns.EditedFrom, ResearchRuns.EditedTo, StringComparison.Ordinal));
        File.WriteAllText(_temp.File("sample/third.md"), string.Join("\n\n", text.Split("\n\n").Take(3)) + "\n");
        File.WriteAllText(_temp.File("sample/batch.yaml"), """
            # three drafts of one essay against the same source
            panel: anthropic:claude-opus-4-6,openai:gpt-5.2-pro,xai:grok-4.1
            no_extract: true
            aggregate: majority
            essays:
              - id: first
                essay: essay.md
                sources: [source.pdf]
              - id: second
                essay: second.md
                sources: [source.pdf]
              - essay: third.md
                sources:
                  - source.pdf
            """);

        var result = CliRunner.Run(_temp.Path, ResearchRuns.Env(emulator), "batch", "sample/batch.yaml", "--out", "out", "--quiet");

        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        foreach (var id in new[] { "first", "second", "third" })
        {
            Assert.True(File.Exists(Path.Combine(_temp.Path, "out", id, "matrix.json")), id);
            Assert.Equal("majority", ResearchRuns.Json(Path.Combine(_temp.Path, "out", id, "run.json")).GetProperty("aggregation").GetString());
        }
        var rows = EndToEnd.SampleRunTests.ReadCsv(Path.Combine(_temp.Path, "out", "batch-summary.csv"));
        Assert.Equal(["first", "second", "third"], rows.Select(r => r["essay"]));
        var summary = ResearchRuns.Json(Path.Combine(_temp.Path, "out", "batch-summary.json"));
        var pooledClaims = summary.GetProperty("pooled_agreement").GetProperty("claims").GetInt32();
        var judged = new[] { "first", "second", "third" }.Sum(id => ResearchRuns.Json(Path.Combine(_temp.Path, "out", id, "matrix.json")).GetProperty("summary").GetProperty("panel").GetProperty("claims_judged").GetInt32());
        Assert.Equal(judged, pooledClaims);
        Assert.True(summary.GetProperty("intervals").GetProperty("replicates").GetInt32() > 0);
        Assert.Equal(3, summary.GetProperty("intervals").GetProperty("pairwise").GetArrayLength());
        Assert.Contains("Agreement pooled over", File.ReadAllText(Path.Combine(_temp.Path, "out", "batch-summary.html")), StringComparison.Ordinal);
        // One cache: the second essay differs from the first by one sentence, so only that claim reached the providers again.
        var second = ResearchRuns.ClaimsAsked(emulator).Count(c => c == ResearchRuns.EditedTo);
        Assert.True(second > 0);
    }

    [Fact]
    public void Manifest_InJson_IsReadToo_AndAMissingFileIsNamed()
    {
        var (essay, _) = SampleGenerator.Write(_temp.File("sample"));
        File.WriteAllText(_temp.File("sample/m.json"), """{"panel": "anthropic:claude-opus-4-6", "max_cost": 2.5, "essays": [{"essay": "essay.md", "sources": ["source.pdf"]}]}""");
        File.WriteAllText(_temp.File("sample/bad.json"), """{"essays": [{"essay": "essay.md", "sources": ["missing.pdf"]}]}""");

        var manifest = BatchManifest.Load(_temp.File("sample/m.json"));

        Assert.Equal(2.5m, manifest.MaxCost);
        Assert.Equal("essay", Assert.Single(manifest.Essays).Id);
        Assert.Equal(Path.GetFullPath(essay), manifest.Essays[0].Essay);
        var e = Assert.Throws<InputException>(() => BatchManifest.Load(_temp.File("sample/bad.json")));
        Assert.Contains("missing.pdf", e.Message, StringComparison.Ordinal);
        File.WriteAllText(_temp.File("sample/typo.yaml"), "panle: x\nessays: []\n");
        Assert.Contains("line 1", Assert.Throws<InputException>(() => BatchManifest.Load(_temp.File("sample/typo.yaml"))).Message, StringComparison.Ordinal);
    }
}
