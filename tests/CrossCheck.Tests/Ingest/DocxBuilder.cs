using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CrossCheck.Tests.Ingest;

/// <summary>Builds small Word documents for tests, the way Word writes them: heading styles in a styles part, footnotes in a footnotes part.</summary>
internal sealed class DocxBuilder
{
    private readonly List<OpenXmlElement> _blocks = [];
    private readonly List<(int Id, string Text)> _footnotes = [];

    public DocxBuilder Heading(int level, string text)
    {
        _blocks.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }), new Run(new Text(text))));
        return this;
    }

    public DocxBuilder Paragraph(string text) => Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    public DocxBuilder Paragraph(params OpenXmlElement[] runs)
    {
        _blocks.Add(new Paragraph(runs));
        return this;
    }

    /// <summary>A paragraph whose text is followed by a footnote reference.</summary>
    public DocxBuilder ParagraphWithFootnote(string text, string note)
    {
        var id = _footnotes.Count + 1;
        _footnotes.Add((id, note));
        return Paragraph(new Run(new Text(text)), new Run(new FootnoteReference { Id = id }));
    }

    public DocxBuilder ListItem(string text)
    {
        _blocks.Add(new Paragraph(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), new Run(new Text(text))));
        return this;
    }

    public DocxBuilder PageBreak()
    {
        _blocks.Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        return this;
    }

    /// <summary>Where Word's last layout started a new page (inside a run, as Word writes it).</summary>
    public DocxBuilder RenderedBreakThen(string text)
    {
        _blocks.Add(new Paragraph(new Run(new LastRenderedPageBreak(), new Text(text))));
        return this;
    }

    public DocxBuilder Table(params string[][] rows)
    {
        var table = new Table();
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(cell => new TableCell(new Paragraph(new Run(new Text(cell)))))));
        }
        _blocks.Add(table);
        return this;
    }

    public DocxBuilder DeletedText(string kept, string deleted)
    {
        _blocks.Add(new Paragraph(new Run(new Text(kept) { Space = SpaceProcessingModeValues.Preserve }), new DeletedRun(new Run(new DeletedText(deleted)))));
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body(_blocks.Select(b => b.CloneNode(true))));
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(Enumerable.Range(1, 6).Select(n => new Style(
                new StyleName { Val = $"heading {n}" },
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new OutlineLevel { Val = n - 1 }))
            { Type = StyleValues.Paragraph, StyleId = $"Heading{n}" }));
            if (_footnotes.Count > 0)
            {
                var notes = main.AddNewPart<FootnotesPart>();
                notes.Footnotes = new Footnotes(
                    new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                    new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
                foreach (var (id, text) in _footnotes)
                {
                    notes.Footnotes.Append(new Footnote(new Paragraph(new Run(new Text(text)))) { Id = id });
                }
            }
        }
        return stream.ToArray();
    }
}
