using CrossCheck.Ingest;
using CrossCheck.Samples;
using CrossCheck.Tests.Architecture;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Ingest;

public sealed class SectionDetectorTests
{
    [Fact]
    public void Detect_InAPdf_FindsNumberedHeadingsWithTheirPagesAndNesting()
    {
        using var temp = new TempFolder();
        var pdf = temp.Write("card.pdf", SampleGenerator.BuildPdf(
        [
            ["# 1 Introduction", "Some text. 12 people attended the first meeting in 2024.", "# 1.2.4.4 Evaluation infrastructure", "Each exercise took 40 expert-hours."],
            ["# 2 Results", "The model solved 31% of the challenges.", "# 2.1 Coding", "It resolved 71.4% of tasks."],
        ], "Test card"));

        var doc = new DocumentLoader().LoadSource(pdf, "S1");

        Assert.Equal(["1", "1.2.4.4", "2", "2.1"], doc.Sections.Select(s => s.Number));
        var infra = doc.Sections.Single(s => s.Number == "1.2.4.4");
        Assert.Equal("Evaluation infrastructure", infra.Title);
        Assert.Equal(1, infra.Page);
        Assert.Equal(2, doc.Sections.Single(s => s.Number == "2.1").Page);
        var offset = doc.Text.IndexOf("40 expert-hours", StringComparison.Ordinal);
        Assert.Equal("1.2.4.4", doc.SectionAt(offset)?.Number);
        Assert.Equal(2, doc.PageAt(doc.Text.IndexOf("71.4%", StringComparison.Ordinal)));
        // Section 1 ends where section 2 starts, so it holds its subsection.
        Assert.True(doc.Sections[0].End == doc.Sections[2].Start);
    }

    [Fact]
    public void Detect_InMarkdown_ReadsHeadingsAndTheirNumbers()
    {
        using var temp = new TempFolder();
        var md = temp.Write("s.md", "# Title\n\nIntro.\n\n## 3.1 Method\n\nText.\n\n## Limits\n\nMore.\n");

        var doc = new DocumentLoader().LoadSource(md, "S1");

        Assert.Equal(["Title", "Method", "Limits"], doc.Sections.Select(s => s.Title));
        Assert.Equal("3.1", doc.Sections[1].Number);
    }

    [Theory]
    [InlineData("12 people attended the meeting.")]
    [InlineData("2023 Annual figures")]
    [InlineData("3 of the 12 models, 4 of the 9 runs and 5 of 6 tasks")]
    public void Detect_IgnoresLinesThatOnlyStartWithANumber(string line)
    {
        using var temp = new TempFolder();
        var txt = temp.Write("s.txt", $"Intro line.\n{line}\nMore text.\n");

        var doc = new DocumentLoader().LoadSource(txt, "S1");

        Assert.Empty(doc.Sections);
    }

    [Fact]
    public void IsTocEntry_GivesTheExpressionsOwnAnswer_OnEntriesAndOnRunningText()
    {
        // The screen before the expression may only skip lines the expression cannot match: compared here with the
        // expression itself on table of contents lines of every leader kind and on running text that has some leaders.
        var expression = (System.Text.RegularExpressions.Regex)typeof(SectionDetector)
            .GetMethod("TocEntry", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.Invoke(null, null)!;
        string[] entries =
        [
            "2.3 Results ........ 15", "Appendix A . . . . . 102", "Introduction \u2026\u2026\u2026\u2026 3", "Scope \u00b7\u00b7\u00b7\u00b7\u00b7 iv",
            "Glossary ____ 40", "Risk model ---- 12", "Summary\t\t\t12", "Method   7", "1 Overview    A-3", "Notes ....",
        ];
        string[] prose =
        [
            "The results (e.g. Fig. 3) are shown in Sec. 2.", "A state-of-the-art, well-known, fine-tuned model.",
            "Wait... what?", "Numbers: 1.2.3 and 4.5", "Summary\t12", "Two  spaces here 12", "plain line", "", "....", "a.b.c.d 12",
        ];
        Assert.All(entries, line => Assert.True(SectionDetector.IsTocEntry(line), line));
        var sample = Directory.EnumerateFiles(Path.Combine(SourceTree.Root, "tests", "corpus"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(SourceTree.Root, "samples", "essay.md")).SelectMany(File.ReadAllLines).ToList();
        Assert.True(sample.Count > 100);
        foreach (var line in entries.Concat(prose).Concat(sample))
        {
            Assert.Equal(expression.IsMatch(line), SectionDetector.IsTocEntry(line));
        }
    }
}
