using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CrossCheck.Ingest;

/// <summary>
/// Reads a Word document (.docx) as Markdown text: headings (by style or outline level) as <c>#</c> lines,
/// paragraphs and list items as blocks, tables as Markdown table rows, footnotes as <c>[^n]: …</c> blocks after the
/// paragraph that cites them (set aside from the running text, as a PDF's are). Pages come from the page breaks
/// Word recorded when it last laid the document out, else from explicit page breaks; a document with neither is
/// one page. Tracked deletions and field codes are not text.
/// </summary>
internal static class DocxReader
{
    public static Document Read(string path, string id, byte[] bytes, string sha, string role, IngestLimits limits)
    {
        if (bytes.Length >= 4 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0)
        {
            throw new InputException($"{path}: is password-protected or an old binary Word file, not a .docx; save an unprotected copy as .docx (Word: File > Save As) and give that.");
        }
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var word = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = limits.MaxPdfDecodedBytes });
            var body = word.MainDocumentPart?.Document?.Body
                ?? throw new InputException($"{path}: the Word document has no body (not a text document?); check the file.");
            var builder = new DocxTextBuilder(new DocxStyles(word.MainDocumentPart), Footnotes(word.MainDocumentPart), body.Descendants<LastRenderedPageBreak>().Any());
            builder.AddBlocks(body.ChildElements);
            var (text, pages, notes) = builder.Finish();
            return new Document(id, path, DocumentKind.Docx, text, pages, sha, bytes.Length, [], [], notes);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or System.Xml.XmlException or IOException)
        {
            var what = e.Message.Split('\n')[0].Trim();
            throw new InputException($"{path}: cannot read this Word {role}, it seems damaged or is not a .docx ({e.GetType().Name}: {(what.Length > 160 ? what[..160] + "…" : what)}); re-save it from Word, or export it as PDF or Markdown.", e);
        }
    }

    private static Dictionary<string, Footnote> Footnotes(MainDocumentPart? main) =>
        main?.FootnotesPart?.Footnotes?.Elements<Footnote>()
            .Where(f => f.Id?.Value is { } n && n > 0)
            .ToDictionary(f => f.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), f => f) ?? [];

    /// <summary>Assembles the text block by block, keeping page starts and footnote ranges.</summary>
    private sealed class DocxTextBuilder(DocxStyles styles, Dictionary<string, Footnote> footnotes, bool renderedBreaks)
    {
        private readonly StringBuilder _text = new();
        private readonly List<Page> _pages = [];
        private readonly List<TextRange> _notes = [];
        private readonly List<string> _pendingNotes = [];
        private int _pageStart;

        public void AddBlocks(IEnumerable<OpenXmlElement> blocks)
        {
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        AddParagraph(p);
                        break;
                    case Table t:
                        AddTable(t);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        AddBlocks(content.ChildElements);
                        break;
                }
            }
        }

        public (string Text, IReadOnlyList<Page> Pages, IReadOnlyList<TextRange> Notes) Finish()
        {
            var end = _text.Length;
            while (end > 0 && char.IsWhiteSpace(_text[end - 1]))
            {
                end--;
            }
            _text.Length = end;
            _pages.Add(new Page(_pages.Count + 1, Math.Min(_pageStart, end), end));
            return (_text.ToString(), _pages, _notes);
        }

        private void AddParagraph(Paragraph p)
        {
            if (p.ParagraphProperties?.PageBreakBefore is { } breakBefore && (breakBefore.Val?.Value ?? true) && !renderedBreaks)
            {
                BreakPage();
            }
            var heading = styles.HeadingLevel(p);
            var before = _text.Length;
            Separate();
            _text.Append(heading > 0 ? new string('#', heading) + " " : p.ParagraphProperties?.NumberingProperties is not null ? "- " : "");
            var start = _text.Length;
            AppendRuns(p, heading > 0);
            if (_text.Length == start)
            {
                // An empty paragraph adds nothing, but a page break inside it still counts, at this point.
                _text.Length = before;
                if (_pageStart > before)
                {
                    _pages[^1] = _pages[^1] with { End = before };
                    _pageStart = before;
                }
            }
            FlushNotes();
        }

        private void AppendRuns(OpenXmlElement container, bool oneLine)
        {
            foreach (var element in container.Descendants())
            {
                switch (element)
                {
                    case Text t:
                        _text.Append(t.Text);
                        break;
                    case TabChar:
                        _text.Append('\t');
                        break;
                    case NoBreakHyphen:
                        _text.Append('-');
                        break;
                    case Break { Type.Value: var type } when type == BreakValues.Page:
                        if (!renderedBreaks)
                        {
                            BreakPage();
                        }
                        break;
                    case Break:
                    case CarriageReturn:
                        _text.Append(oneLine ? ' ' : '\n');
                        break;
                    case LastRenderedPageBreak:
                        BreakPage();
                        break;
                    case FootnoteReference { Id.Value: var n }:
                        var key = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        if (footnotes.TryGetValue(key, out var note))
                        {
                            _text.Append("[^").Append(key).Append(']');
                            _pendingNotes.Add($"[^{key}]: {string.Join(' ', note.Descendants<Text>().Select(x => x.Text)).Trim()}");
                        }
                        break;
                }
            }
        }

        private void AddTable(Table table)
        {
            var first = true;
            foreach (var row in table.Elements<TableRow>())
            {
                var cells = row.Elements<TableCell>().Select(c => string.Join(' ', c.Elements<Paragraph>().Select(CellText).Where(s => s.Length > 0)).Replace("|", "\\|", StringComparison.Ordinal)).ToArray();
                if (first)
                {
                    Separate();
                }
                else
                {
                    _text.Append('\n');
                }
                _text.Append("| ").Append(string.Join(" | ", cells)).Append(" |");
                if (first)
                {
                    _text.Append('\n').Append(string.Concat(Enumerable.Repeat("|---", cells.Length))).Append('|');
                    first = false;
                }
            }
            FlushNotes();
        }

        private static string CellText(Paragraph p) => string.Concat(p.Descendants<Text>().Select(t => t.Text)).Trim();

        private void Separate()
        {
            if (_text.Length > 0)
            {
                _text.Append("\n\n");
            }
        }

        private void FlushNotes()
        {
            foreach (var note in _pendingNotes)
            {
                Separate();
                _notes.Add(new TextRange(_text.Length, _text.Length + note.Length));
                _text.Append(note);
            }
            _pendingNotes.Clear();
        }

        private void BreakPage()
        {
            if (_text.Length == 0 && _pages.Count == 0)
            {
                return;
            }
            _pages.Add(new Page(_pages.Count + 1, _pageStart, _text.Length));
            _pageStart = _text.Length;
        }
    }
}
