using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CrossCheck.Ingest;

/// <summary>Which paragraphs of a Word document are headings, and at what level: the paragraph's outline level, else its style's (following "based on"), else a style named "heading N" or "Title".</summary>
internal sealed class DocxStyles
{
    private readonly Dictionary<string, Style> _styles;

    public DocxStyles(MainDocumentPart? main) =>
        _styles = main?.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal) ?? [];

    /// <summary>1 to 6 for a heading, 0 for body text.</summary>
    public int HeadingLevel(Paragraph p)
    {
        if (p.ParagraphProperties?.OutlineLevel?.Val?.Value is { } own)
        {
            return Clamp(own + 1);
        }
        var id = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; id is not null && depth < 10 && _styles.TryGetValue(id, out var style); depth++)
        {
            if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } level)
            {
                return Clamp(level + 1);
            }
            var name = style.StyleName?.Val?.Value ?? id;
            if (name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) && int.TryParse(name.AsSpan(8), out var n))
            {
                return Clamp(n);
            }
            if (name.Equals("Title", StringComparison.OrdinalIgnoreCase))
            {
                return 1;
            }
            id = style.BasedOn?.Val?.Value;
        }
        // A document without a styles part still names its headings by style id ("Heading1").
        var raw = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        return raw is not null && raw.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) && int.TryParse(raw.AsSpan(7), out var m) ? Clamp(m) : 0;
    }

    /// <summary>Outline level 9 means body text in Word.</summary>
    private static int Clamp(int level) => level is < 1 or > 9 ? 0 : Math.Min(level, 6);
}
