using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.EndToEnd;

/// <summary>Runs the real program on the bundled sample and checks the planted claims' verdicts.</summary>
public sealed class SampleRunTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Check_OnTheSample_GivesEachPlantedClaimItsVerdictAndWritesTheRunFolder()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));

        var result = CliRunner.Run(_temp.Path, "check", essay, "--source", source, "--out", "runs", "--run-id", "sample-run");

        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        var folder = Path.Combine(_temp.Path, "runs", "sample-run");
        foreach (var file in new[] { "run.json", "claims.json", "matrix.csv", "matrix.json", "provenance.jsonl", "report.md", "report.html", "methodology.md" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), $"missing {file}");
        }
        var rows = ReadCsv(Path.Combine(folder, "matrix.csv"));
        foreach (var (text, verdict) in SampleEssay.Expected)
        {
            var row = Assert.Single(rows, r => r["text"].Contains(text, StringComparison.Ordinal));
            Assert.True(verdict == row["final_verdict"], $"\"{row["text"]}\": expected {verdict}, got {row["final_verdict"]} ({row["quote_check"]} | {row["number_check"]} | {row["support_score"]})");
            Assert.Equal(row["final_verdict"], row["grounding"]);
        }
        var repeated = Assert.Single(rows, r => r["text"].Contains("fluent but incorrect", StringComparison.Ordinal));
        Assert.Equal("source.pdf", repeated["evidence_source"]);
        Assert.Equal("5", repeated["evidence_page"]);

        using var claims = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "claims.json")));
        var repeatedClaim = claims.RootElement.GetProperty("claims").EnumerateArray()
            .Single(c => c.GetProperty("text").GetString()!.Contains("fluent but incorrect", StringComparison.Ordinal));
        Assert.Equal(2, repeatedClaim.GetProperty("occurrences").GetArrayLength());

        var methodology = File.ReadAllText(Path.Combine(folder, "methodology.md"));
        Assert.Contains("No language model took part in this run", methodology, StringComparison.Ordinal);
        Assert.Contains("No cross-model check took place", methodology, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(Path.Combine(_temp.Path, "runs"), ".*"));
    }

    [Fact]
    public void Check_WithFailOnContradicted_ExitsWithOneWhenTheSampleHasAContradiction()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));

        var failing = CliRunner.Run(_temp.Path, "check", essay, "--source", source, "--out", "runs", "--fail-on", "contradicted", "--quiet");
        var passing = CliRunner.Run(_temp.Path, "check", essay, "--source", source, "--out", "runs", "--fail-on", "failed", "--quiet");

        Assert.Equal(1, failing.ExitCode);
        Assert.Contains("contradicted", failing.StdErr, StringComparison.Ordinal);
        Assert.Equal(0, passing.ExitCode);
    }

    [Fact]
    public void Check_ProvenanceLog_ChainsEveryRecordToThePreviousOne()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var result = CliRunner.Run(_temp.Path, "check", essay, "--source", source, "--out", "runs", "--run-id", "r", "--quiet");
        Assert.Equal(0, result.ExitCode);

        var lines = File.ReadAllLines(Path.Combine(_temp.Path, "runs", "r", "provenance.jsonl"));
        var previous = new string('0', 64);
        foreach (var line in lines)
        {
            using var record = JsonDocument.Parse(line);
            Assert.Equal(2, record.RootElement.GetProperty("v").GetInt32());
            Assert.Equal(previous, record.RootElement.GetProperty("prev").GetString());
            previous = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(line)));
        }
        Assert.Equal("run_start", JsonDocument.Parse(lines[0]).RootElement.GetProperty("type").GetString());
        Assert.Equal("run_end", JsonDocument.Parse(lines[^1]).RootElement.GetProperty("type").GetString());
        Assert.Contains(lines, l => l.Contains("\"source_ingested\"", StringComparison.Ordinal) && l.Contains("\"sha256\"", StringComparison.Ordinal));
    }

    [Fact]
    public void BundledSample_IsWhatTheGeneratorWrites()
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "CrossCheck.sln")))
        {
            repo = repo.Parent;
        }
        Assert.NotNull(repo);
        var (essay, source) = SampleGenerator.Write(_temp.File("fresh"));
        var bundled = Path.Combine(repo.FullName, "samples");

        Assert.Equal(File.ReadAllText(essay), File.ReadAllText(Path.Combine(bundled, SampleGenerator.EssayFile)));
        var loader = new CrossCheck.Ingest.DocumentLoader();
        var fresh = loader.LoadSource(source, "S1");
        var committed = loader.LoadSource(Path.Combine(bundled, SampleGenerator.SourceFile), "S1");
        Assert.Equal(fresh.Text, committed.Text);
        Assert.Equal(fresh.Pages.Count, committed.Pages.Count);
    }

    internal static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = CsvHelper.CsvReader.FromFile(path);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.ToDictionary(h => h, reader.GetString));
        }
        return rows;
    }
}
