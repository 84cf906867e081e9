using System.Globalization;
using CrossCheck.Checks;
using CrossCheck.Ingest;
using CrossCheck.Running;
using CrossCheck.Runs;
using CrossCheck.Tests.Ingest;
using CrossCheck.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CrossCheck.Tests.Checks;

/// <summary>
/// PDF pages parsed and claims checked on several threads give the same run as one thread: every file of the run
/// folder byte for byte (same clock, same run id), and the same document text.
/// </summary>
public sealed class ParallelDeterminismTests
{
    private static readonly string[] Topics = ["evaluation", "benchmark", "red team", "committee", "baseline system", "pilot study", "survey", "audit"];
    private static readonly string[] Kinds = ["Findings", "Methods", "Limits", "Costs", "Risks", "Outcomes"];

    /// <summary>A 48-page PDF (enough for three parsers) with a numbered heading and six sentences with numbers on each page.</summary>
    private static (byte[] Pdf, List<string> Sentences) Source()
    {
        var pdf = new TestPdf();
        var sentences = new List<string>();
        for (var page = 1; page <= 48; page++)
        {
            pdf.NewPage();
            // A distinct title below the top tenth of the page, so it is a heading, not a running head.
            pdf.Text($"{page} {Kinds[page % Kinds.Length]} of the {Topics[page / Kinds.Length % Topics.Length]}", 60, 700, 14, bold: true);
            var lines = new List<string>();
            for (var s = 0; s < 6; s++)
            {
                var sentence = string.Create(CultureInfo.InvariantCulture,
                    $"In round {page} the {Topics[s % Topics.Length]} measured {10 + ((page * 7 + s * 13) % 80)}% agreement on {3 + s} tasks.");
                sentences.Add(sentence);
                lines.Add(sentence);
            }
            pdf.Lines(670, [.. lines]);
        }
        return (pdf.Build(), sentences);
    }

    private static async Task<string> RunAsync(TempFolder temp, string essay, string source, int parallelism, string name)
    {
        var options = new RunOptions
        {
            EssayPath = essay,
            SourcePaths = [source],
            OutputRoot = temp.File(name),
            RunId = "determinism",
            Limits = new IngestLimits { Parallelism = parallelism },
        };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var run = await new CheckRunner(time, new Random(7)).RunAsync(options, null, CancellationToken.None);
        return run.Folder;
    }

    [Fact]
    public async Task Run_WithOneAndWithSeveralThreads_WritesTheSameFiles()
    {
        using var temp = new TempFolder();
        var (pdf, sentences) = Source();
        var source = temp.Write("source.pdf", pdf);
        // Claims as written, some with a changed number, and some quoting the source (quote checks run too).
        var essay = string.Join("\n\n", sentences.Where((_, i) => i % 3 == 0).Select((s, i) =>
            (i % 4) switch
            {
                1 => s.Replace("% agreement", "1% agreement", StringComparison.Ordinal),
                2 => $"The report says \"{s[..^1]}\".",
                _ => s,
            }));
        var essayPath = temp.Write("essay.md", essay + "\n");

        var one = await RunAsync(temp, essayPath, source, 1, "one");
        var many = await RunAsync(temp, essayPath, source, 3, "many");

        var files = Directory.GetFiles(one, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(one, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, Directory.GetFiles(many, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(many, f)).Order(StringComparer.Ordinal));
        Assert.Contains("provenance.jsonl", files);
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(one, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(many, file))), $"{file} differs between 1 and 3 threads");
        }
        var claims = File.ReadAllText(Path.Combine(one, "claims.json"));
        Assert.Contains("\"contradicted\"", claims, StringComparison.Ordinal);
        Assert.Contains("\"supported\"", claims, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadSource_WithOneAndWithSeveralParsers_ReadsTheSameDocument()
    {
        using var temp = new TempFolder();
        var source = temp.Write("source.pdf", Source().Pdf);

        var one = new DocumentLoader(new IngestLimits { Parallelism = 1 }).LoadSource(source, "S1");
        var many = new DocumentLoader(new IngestLimits { Parallelism = 4 }).LoadSource(source, "S1");

        Assert.Equal(48, one.Pages.Count);
        Assert.Equal(one.Text, many.Text);
        Assert.Equal(one.Pages, many.Pages);
        Assert.Equal(one.Sections, many.Sections);
        Assert.Equal(one.SetAside, many.SetAside);
        Assert.NotEmpty(one.Sections);
    }

    [Fact]
    public void Run_ConsumesResultsInOrder_AndAFailureStopsAtTheFirstFailingItem()
    {
        var consumed = new List<int>();
        OrderedParallel.Run(200, 4, i => i * i, (i, square) =>
        {
            Assert.Equal(i * i, square);
            consumed.Add(i);
        });
        Assert.Equal(Enumerable.Range(0, 200), consumed);

        consumed.Clear();
        var error = Assert.Throws<InvalidOperationException>(() => OrderedParallel.Run(200, 4, i => i is 57 or 120 ? throw new InvalidOperationException($"item {i}") : i, (i, _) => consumed.Add(i)));
        Assert.Equal("item 57", error.Message);
        Assert.Equal(Enumerable.Range(0, 57), consumed);
    }
}
