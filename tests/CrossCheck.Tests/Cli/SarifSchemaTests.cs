using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Tests.Support;
using NJsonSchema;

namespace CrossCheck.Tests.Cli;

/// <summary><c>check --format sarif</c> against the SARIF 2.1.0 JSON schema (Cli/Schemas/README.md says where it comes from).</summary>
public sealed class SarifSchemaTests : IDisposable
{
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "Cli", "Schemas", "sarif-2.1.0-rtm.5.json");
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task FormatSarif_OnTheSample_IsValidSarifWithOneResultPerProblemClaimAtItsEssayLine()
    {
        SampleGenerator.Write(_temp.File("in"));

        var result = CliRunner.Run(_temp.Path, "check", "in/essay.md", "--source", "in/source.pdf", "--run-id", "s", "--format", "sarif", "--quiet");

        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var errors = schema.Validate(result.StdOut);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));

        using var sarif = JsonDocument.Parse(result.StdOut);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        using var claims = JsonDocument.Parse(File.ReadAllText(Path.Combine(_temp.Path, "runs", "s", "claims.json")));
        var problems = claims.RootElement.GetProperty("claims").EnumerateArray()
            .Where(c => c.GetProperty("final_verdict").GetString() is "contradicted" or "not_in_source" or "partially_supported" or "failed")
            .ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.NotEmpty(problems);
        Assert.Equal(problems.Count, results.Length);
        foreach (var r in results)
        {
            var claim = problems[r.GetProperty("properties").GetProperty("claimId").GetString()!];
            var verdict = claim.GetProperty("final_verdict").GetString();
            Assert.Equal(verdict, r.GetProperty("ruleId").GetString());
            Assert.Equal(verdict == "contradicted" ? "error" : verdict == "failed" ? "note" : "warning", r.GetProperty("level").GetString());
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("in/essay.md", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(claim.GetProperty("line").GetInt32(), location.GetProperty("region").GetProperty("startLine").GetInt32());
            var message = r.GetProperty("message").GetProperty("text").GetString()!;
            Assert.Contains(verdict!, message, StringComparison.Ordinal);
            Assert.Matches(@"evidence: source\.pdf p\. \d+", message);
        }
        var contradicted = Assert.Single(results, r => r.GetProperty("level").GetString() == "error");
        Assert.Contains("31%", contradicted.GetProperty("message").GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatSarif_ForAWordEssay_IsValidAndGivesNoLinesTheFileDoesNotHave()
    {
        SampleGenerator.Write(_temp.File("in"));
        var docx = new Ingest.DocxBuilder().Paragraph("In capture-the-flag exercises the model solved 38% of the professional-level challenges.").Build();
        File.WriteAllBytes(_temp.File("in/essay.docx"), docx);

        var result = CliRunner.Run(_temp.Path, "check", "in/essay.docx", "--source", "in/source.pdf", "--format", "sarif", "--quiet");

        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        Assert.Empty(schema.Validate(result.StdOut));
        using var sarif = JsonDocument.Parse(result.StdOut);
        var location = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()).GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("in/essay.docx", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.False(location.GetProperty("region").TryGetProperty("startLine", out _));
        Assert.Contains("38%", location.GetProperty("region").GetProperty("snippet").GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SarifSchema_RejectsALogWithoutItsVersion()
    {
        // The validator is not vacuous: a log missing its required version fails.
        var schema = await JsonSchema.FromFileAsync(SchemaPath);

        var errors = schema.Validate("""{"runs":[{"tool":{"driver":{"name":"x"}},"results":[]}]}""");

        Assert.Contains(errors, e => e.Property == "version" || e.Kind.ToString().Contains("Property", StringComparison.Ordinal));
    }
}
