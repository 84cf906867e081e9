using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Html;

/// <summary>docs/schemas match what the writers produce: a grounding-only run and a four-model panel run are checked against them.</summary>
public sealed class FormatSchemaTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Schema(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CrossCheck.sln")))
        {
            dir = dir.Parent;
        }
        Assert.True(dir is not null, "repository root (CrossCheck.sln) not found above the test output");
        return Path.Combine(dir.FullName, "docs", "schemas", name);
    }

    [Fact]
    public async Task ClaimsAndMatrixJson_OfAGroundingOnlyRun_MatchTheSchemas()
    {
        var run = await ReportRuns.SharedSampleAsync();

        Assert.Empty(SchemaCheck.Validate(Schema("claims.schema.json"), Path.Combine(run.Folder, "claims.json")));
        Assert.Empty(SchemaCheck.Validate(Schema("matrix.schema.json"), Path.Combine(run.Folder, "matrix.json")));
    }

    [Fact]
    public async Task ClaimsAndMatrixJson_OfAPanelRun_MatchTheSchemas()
    {
        var run = await ReportRuns.SharedHostilePanelAsync();

        Assert.Empty(SchemaCheck.Validate(Schema("claims.schema.json"), Path.Combine(run.Folder, "claims.json")));
        Assert.Empty(SchemaCheck.Validate(Schema("matrix.schema.json"), Path.Combine(run.Folder, "matrix.json")));
    }

    [Fact]
    public void SchemaCheck_WhenARequiredKeyIsMissingOrMistyped_ReportsIt()
    {
        var schema = _temp.Write("s.json", """{"type":"object","required":["a","b"],"properties":{"a":{"type":"integer"},"b":{"type":"string"}}}""");
        var doc = _temp.Write("d.json", """{"a":"x","c":1}""");

        var errors = SchemaCheck.Validate(schema, doc);

        Assert.Contains(errors, e => e.Contains("\"b\" is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.a:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("\"c\" is not in the schema", StringComparison.Ordinal));
    }
}
