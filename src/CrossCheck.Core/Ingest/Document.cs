namespace CrossCheck.Ingest;

/// <summary>
/// A loaded essay or source: its text as extracted (pages joined by blank lines), the pages and
/// sections with their offsets, the folded text for matching and the SHA-256 of the file.
/// </summary>
public sealed class Document
{
    private NormalizedText? _normalized;
    private TextRange[]? _setAside;

    public Document(string id, string path, DocumentKind kind, string text, IReadOnlyList<Page> pages, string sha256, long bytes)
        : this(id, path, kind, text, pages, sha256, bytes, [], [])
    {
    }

    /// <param name="asides">Spans of <paramref name="text"/> set aside from the running text (a PDF's footnotes, headers, footers, page numbers): matched after it, never through it.</param>
    /// <param name="headings">Lines the PDF sets as headings by their size, for sections without numbers.</param>
    /// <param name="notes">Footnote blocks (PDF only), also set aside.</param>
    public Document(string id, string path, DocumentKind kind, string text, IReadOnlyList<Page> pages, string sha256, long bytes,
        IReadOnlyList<TextRange> asides, IReadOnlyList<HeadingHint> headings, IReadOnlyList<TextRange>? notes = null)
    {
        Asides = asides;
        Notes = notes ?? [];
        Headings = headings;
        Id = id;
        Path = path;
        Kind = kind;
        Text = text;
        Pages = pages;
        Sha256 = sha256;
        Bytes = bytes;
        Sections = SectionDetector.Detect(this);
    }

    /// <summary>Short id used in reports (S1, S2... for sources; E for the essay).</summary>
    public string Id { get; }

    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public DocumentKind Kind { get; }

    public string Text { get; }

    public IReadOnlyList<Page> Pages { get; }

    public IReadOnlyList<Section> Sections { get; }

    public string Sha256 { get; }

    public long Bytes { get; }

    /// <summary>Spans of the text set aside from the running text (sorted, not overlapping).</summary>
    public IReadOnlyList<TextRange> Asides { get; }

    /// <summary>Lines set as headings by their size (PDF only), in text order.</summary>
    public IReadOnlyList<HeadingHint> Headings { get; }

    /// <summary>Footnote blocks (PDF only), in text order: set aside from the running text, matched as one flow of notes.</summary>
    public IReadOnlyList<TextRange> Notes { get; }

    /// <summary>What reading the file found wrong but could read past (a damaged PDF structure); shown in the run's outputs.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Asides and notes together, sorted: everything that is not running text.</summary>
    public IReadOnlyList<TextRange> SetAside => _setAside ??= [.. Asides.Concat(Notes).OrderBy(r => r.Start)];

    public NormalizedText Normalized => _normalized ??= TextNormalizer.Normalize(Text, Asides, Notes);

    /// <summary>The page holding the character at <paramref name="offset"/> (1 for unpaged text).</summary>
    public int PageAt(int offset)
    {
        var lo = 0;
        var hi = Pages.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Pages[mid].Start <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return Pages.Count == 0 ? 1 : Pages[lo].Number;
    }

    /// <summary>The innermost section holding <paramref name="offset"/>, if any.</summary>
    /// <remarks>
    /// Sections are sorted by start, and one ends where the next of the same or a higher level starts, so the
    /// sections holding an offset start later the deeper they are: the first one holding it, walking back from the
    /// last section that starts at or before it, is the innermost.
    /// </remarks>
    public Section? SectionAt(int offset)
    {
        int lo = 0, hi = Sections.Count - 1, last = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (Sections[mid].Start <= offset)
            {
                last = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        for (var i = last; i >= 0; i--)
        {
            if (offset < Sections[i].End)
            {
                return Sections[i];
            }
        }
        return null;
    }
}
