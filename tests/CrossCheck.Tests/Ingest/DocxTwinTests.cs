using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Ingest;

/// <summary>The sample essay and source as Word documents give the same verdicts as their Markdown twins, and the Word source's pages are the PDF's.</summary>
public sealed class DocxTwinTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Check_DocxEssayAndSource_GiveTheSameVerdictsAsTheirMarkdownTwins()
    {
        var essayLines = SampleEssay.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var essayDocx = new DocxBuilder();
        foreach (var line in essayLines.Where(l => l.Length > 0))
        {
            _ = line.StartsWith("# ", StringComparison.Ordinal) ? essayDocx.Heading(1, line[2..]) : essayDocx.Paragraph(line);
        }
        _temp.Write("essay.md", SampleEssay.Text);
        _temp.Write("essay.docx", essayDocx.Build());

        var sourceDocx = new DocxBuilder();
        var sourceMd = new List<string>();
        foreach (var (page, index) in SampleSource.Pages.Select((p, i) => (p, i)))
        {
            if (index > 0)
            {
                sourceDocx.PageBreak();
            }
            foreach (var block in page.Select(b => b.Replace("-|", "-", StringComparison.Ordinal)))
            {
                var heading = block.StartsWith("# ", StringComparison.Ordinal) ? block[2..] : null;
                var level = heading is null ? 0 : Math.Max(1, heading.Split(' ')[0].Count(c => c == '.') + 1);
                _ = heading is null ? sourceDocx.Paragraph(block) : sourceDocx.Heading(level, heading);
                sourceMd.Add(heading is null ? block : $"{new string('#', level)} {heading}");
            }
        }
        _temp.Write("source.md", string.Join("\n\n", sourceMd));
        _temp.Write("source.docx", sourceDocx.Build());

        var markdown = Verdicts(CliRunner.Run(_temp.Path, "check", "essay.md", "--source", "source.md", "--run-id", "md", "--quiet"), "md");
        var word = Verdicts(CliRunner.Run(_temp.Path, "check", "essay.docx", "--source", "source.docx", "--run-id", "docx", "--quiet"), "docx");

        Assert.Equal(markdown.Count, word.Count);
        Assert.Equal(markdown.Select(c => (c.Text, c.Verdict)), word.Select(c => (c.Text, c.Verdict)));
        foreach (var (text, verdict) in SampleEssay.Expected)
        {
            Assert.Contains(word, c => c.Text.Contains(text, StringComparison.Ordinal) && c.Verdict == verdict);
        }
        // The Word source keeps the PDF's pages: the repeated claim's evidence is on page 5, as in the sample PDF.
        var repeated = Assert.Single(word, c => c.Text.Contains("fluent but incorrect", StringComparison.Ordinal));
        Assert.Equal(5, repeated.Page);
    }

    private List<(string Text, string Verdict, int? Page)> Verdicts(CliRunner.Result result, string runId)
    {
        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        using var claims = JsonDocument.Parse(File.ReadAllText(Path.Combine(_temp.Path, "runs", runId, "claims.json")));
        return [.. claims.RootElement.GetProperty("claims").EnumerateArray().Select(c => (
            c.GetProperty("text").GetString()!,
            c.GetProperty("final_verdict").GetString()!,
            c.GetProperty("grounding").TryGetProperty("best_evidence", out var best) && best.ValueKind == JsonValueKind.Object ? best.GetProperty("page").GetInt32() : (int?)null))];
    }
}
