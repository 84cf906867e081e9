using CrossCheck.Ingest;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Ingest;

/// <summary>Word documents read as Markdown text: headings, paragraphs, lists, tables, footnotes and pages.</summary>
public sealed class DocxReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void LoadSource_Docx_KeepsHeadingsAsSectionsAndExplicitPageBreaksAsPages()
    {
        var path = _temp.Write("card.docx", new DocxBuilder()
            .Heading(1, "1 Introduction").Paragraph("The card covers the text model.")
            .PageBreak()
            .Heading(2, "2.1 Coding").Paragraph("Halcyon-3 resolved 71.4% of tasks.")
            .Build());

        var doc = new DocumentLoader().LoadSource(path, "S1");

        Assert.Equal(DocumentKind.Docx, doc.Kind);
        Assert.Equal(2, doc.Pages.Count);
        Assert.Equal(2, doc.PageAt(doc.Text.IndexOf("71.4%", StringComparison.Ordinal)));
        Assert.Equal(1, doc.PageAt(doc.Text.IndexOf("text model", StringComparison.Ordinal)));
        Assert.Contains("# 1 Introduction", doc.Text, StringComparison.Ordinal);
        Assert.Equal("2.1", doc.SectionAt(doc.Text.IndexOf("71.4%", StringComparison.Ordinal))?.Number);
    }

    [Fact]
    public void LoadSource_DocxWithRenderedBreaks_UsesWordsLastLayoutForPages()
    {
        var path = _temp.Write("laid-out.docx", new DocxBuilder()
            .Paragraph("Page one text.")
            .RenderedBreakThen("Page two text.")
            .RenderedBreakThen("Page three text.")
            .Build());

        var doc = new DocumentLoader().LoadSource(path, "S1");

        Assert.Equal(3, doc.Pages.Count);
        Assert.Equal(3, doc.PageAt(doc.Text.IndexOf("three", StringComparison.Ordinal)));
    }

    [Fact]
    public void LoadSource_Docx_SetsFootnotesAsideAndKeepsTablesListsButNotDeletions()
    {
        var path = _temp.Write("notes.docx", new DocxBuilder()
            .ParagraphWithFootnote("Refusals were near total.", "Measured on 2,000 prompts.")
            .ListItem("First finding")
            .Table(["model", "score"], ["Halcyon-3", "63%"])
            .DeletedText("Kept words.", " Struck words.")
            .Build());

        var doc = new DocumentLoader().LoadSource(path, "S1");

        var note = Assert.Single(doc.Notes);
        Assert.Equal("[^1]: Measured on 2,000 prompts.", doc.Text[note.Start..note.End]);
        Assert.Contains("Refusals were near total.[^1]", doc.Text, StringComparison.Ordinal);
        Assert.Contains("- First finding", doc.Text, StringComparison.Ordinal);
        Assert.Contains("| model | score |\n|---|---|\n| Halcyon-3 | 63% |", doc.Text, StringComparison.Ordinal);
        Assert.Contains("Kept words.", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Struck", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadEssay_NotAWordFile_IsOneClearInputError()
    {
        var path = _temp.Write("essay.docx", "this is plain text, not a zip package");

        var e = Assert.Throws<InputException>(() => new DocumentLoader().LoadEssay(path));

        Assert.Contains("essay.docx: cannot read this Word essay", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadEssay_EncryptedOrOldWordFile_SaysHowToFixIt()
    {
        var path = _temp.Write("essay.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);

        var e = Assert.Throws<InputException>(() => new DocumentLoader().LoadEssay(path));

        Assert.Contains("password-protected or an old binary Word file", e.Message, StringComparison.Ordinal);
    }
}
