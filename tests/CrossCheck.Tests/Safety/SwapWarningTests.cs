using System.Text;
using CrossCheck.Samples;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Safety;

/// <summary>Essay and source swapped, or the essay given again as a source in another form: warned about in the console, the reports and the methodology note.</summary>
public sealed class SwapWarningTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Sentences(int count, string topic)
    {
        var text = new StringBuilder($"# Notes on {topic}\n\n");
        for (var i = 0; i < count; i++)
        {
            text.Append($"The {topic} evaluation number {i} reported a score of {i % 97}.{i % 10} percent across the held-out tasks. ");
            if (i % 5 == 4)
            {
                text.Append("\n\n");
            }
        }
        return text.ToString();
    }

    private (CliRunner.Result Result, string Folder) Check(string essay, params string[] sources)
    {
        string[] args = ["check", essay, .. sources.SelectMany(s => new[] { "--source", s }), "--out", "runs", "--run-id", "w", "--quiet"];
        var result = CliRunner.Run(_temp.Path, args);
        Assert.True(result.ExitCode == 0, result.StdErr);
        return (result, Path.Combine(_temp.Path, "runs", "w"));
    }

    private static void AssertWarnedEverywhere(CliRunner.Result result, string folder, string words)
    {
        Assert.Contains(words, result.StdErr, StringComparison.Ordinal);
        foreach (var file in new[] { "methodology.md", "report.md", "report.html" })
        {
            Assert.Contains(words, File.ReadAllText(Path.Combine(folder, file)), StringComparison.Ordinal);
        }
        Assert.Contains(File.ReadAllLines(Path.Combine(folder, "provenance.jsonl")), l => l.Contains("_ingested\"", StringComparison.Ordinal) && l.Contains(words, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_LongEssayAboutAShortSource_WarnsTheyMayBeSwapped()
    {
        var essay = _temp.Write("long.md", Sentences(150, "model"));
        var source = _temp.Write("short.md", Sentences(8, "model"));
        var (result, folder) = Check(essay, source);
        AssertWarnedEverywhere(result, folder, "essay and source are not swapped");
    }

    [Fact]
    public void Check_EssayGivenAgainAsAReflowedTextSource_WarnsItIsTheEssay()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        // The same essay as plain text with its lines re-wrapped: another file (another SHA-256), the same sentences.
        var words = File.ReadAllText(essay).Replace("#", "", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var reflowed = string.Join("\n", words.Chunk(9).Select(w => string.Join(' ', w)));
        var copy = _temp.Write("draft.txt", reflowed);
        var (result, folder) = Check(essay, source, copy);
        AssertWarnedEverywhere(result, folder, "is the essay given as a source");
        var warning = Assert.Single(result.StdErr.Split('\n'), l => l.Contains("is the essay given as a source", StringComparison.Ordinal));
        Assert.Contains("draft.txt", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TheSampleAsItIs_IsNotWarnedAbout()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var (result, _) = Check(essay, source);
        Assert.DoesNotContain("swapped", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("given as a source", result.StdErr, StringComparison.Ordinal);
    }
}
