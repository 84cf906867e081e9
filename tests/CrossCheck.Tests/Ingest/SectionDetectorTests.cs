using CrossCheck.Ingest;
using CrossCheck.Samples;
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
}
