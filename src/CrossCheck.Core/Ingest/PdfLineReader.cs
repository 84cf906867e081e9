using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using UglyToad.PdfPig.Content;

namespace CrossCheck.Ingest;

/// <summary>
/// Reads the lines of a page from its letters in content order, deciding word breaks from the
/// letters' geometry: a space where the gap between two glyphs is wider than
/// <see cref="WordGap"/> of the font size (what poppler's pdftotext does too), or where the PDF
/// has a space glyph. PdfPig's own extractor drops the break on tightly justified lines.
/// Zero-width and other format characters never break or join a word.
/// </summary>
internal static class PdfLineReader
{
    /// <summary>A gap wider than this share of the font size is a word break.</summary>
    public const double WordGap = 0.15;

    /// <summary>A gap wider than this many times the font size is a column gutter or a table cell border: the line ends there.</summary>
    public const double ColumnGap = 1.5;

    public static List<PdfLine> Read(UglyToad.PdfPig.Content.Page page, out int visibleLetters)
    {
        var lines = new List<PdfLine>();
        var text = new StringBuilder();
        visibleLetters = 0;
        // The letter before on this line (if any), by the values read from it.
        var hasPrevious = false;
        double previousPointSize = 0, previousY = 0, previousEndX = 0;
        var previousOrientation = TextOrientation.Horizontal;
        double left = 0, right = 0, baseline = 0, sizeSum = 0;
        var count = 0;
        var horizontal = true;
        var space = false;
        double spaceStart = 0;
        double lineSize = 0;
        var bold = 0;
        var markers = new List<TextRange>();
        // The font's weight, decided once per font rather than per letter (letters of one font share its name).
        string? font = null;
        var fontBold = false;

        void Flush()
        {
            if (text.Length > 0)
            {
                lines.Add(new PdfLine(text.ToString(), left, right, baseline, count == 0 ? 0 : sizeSum / count, horizontal) { Markers = [.. markers], BoldShare = count == 0 ? 0 : bold / (double)count });
            }
            markers.Clear();
            text.Clear();
            sizeSum = 0;
            count = 0;
            bold = 0;
            hasPrevious = false;
            space = false;
        }

        // A page holds thousands of letters: read from PdfPig's own list without an enumerator, each field once.
        var all = page.Letters;
        ReadOnlySpan<Letter> letters = all is List<Letter> list ? CollectionsMarshal.AsSpan(list) : [.. all];
        foreach (var letter in letters)
        {
            var value = letter.Value;
            // Most letters are one printable ASCII character: visible, never a space, appended as it is.
            var plain = value.Length == 1 && value[0] is > ' ' and <= '~';
            if (!plain)
            {
                if (value.Length == 0 || IsInvisible(value))
                {
                    continue;
                }
                if (string.IsNullOrWhiteSpace(value))
                {
                    if (!space)
                    {
                        spaceStart = letter.StartBaseLine.X;
                    }
                    space = hasPrevious;
                    continue;
                }
            }
            visibleLetters++;
            var start = letter.StartBaseLine;
            var pointSize = letter.PointSize;
            var orientation = letter.TextOrientation;
            var size = pointSize > 0 ? pointSize : Math.Max(1, letter.BoundingBox.Height);
            var isHorizontal = orientation == TextOrientation.Horizontal;
            if (hasPrevious)
            {
                var reference = Math.Max(size, previousPointSize);
                if (space && isHorizontal && start.X - spaceStart < 0.1 * reference)
                {
                    // A "space" the pen did not move for: a zero-width glyph that the text layer maps to a space (a
                    // browser's zero-width space or unused soft hyphen). Whether a word ends here is the gap's to say.
                    space = false;
                }
                var rise = Math.Abs(start.Y - previousY);
                var gap = start.X - previousEndX;
                var sameLine = isHorizontal == horizontal && isHorizontal
                    ? rise < 0.6 * reference && gap > -0.5 * reference && gap < ColumnGap * reference
                    : !isHorizontal && isHorizontal == horizontal && orientation == previousOrientation;
                // A drop cap ("O" set over three lines) ends up a line of its own here; DropCaps puts it back in its word.
                if (!sameLine)
                {
                    Flush();
                }
                else if (space || (isHorizontal && gap > WordGap * reference))
                {
                    text.Append(' ');
                }
            }
            if (text.Length == 0)
            {
                left = start.X;
                baseline = start.Y;
                horizontal = isHorizontal;
                lineSize = size;
            }
            space = false;
            var before = text.Length;
            if (plain)
            {
                text.Append(value[0]);
            }
            else
            {
                AppendLetter(text, value);
            }
            if (before > 0 && start.Y - baseline >= 0.2 * lineSize && IsNoteMark(text, before, size, lineSize, markers))
            {
                // A footnote mark ("task,4 where" / "batch10 so"): kept in the text, set aside from matching.
                if (markers.Count > 0 && markers[^1].End == before)
                {
                    markers[^1] = markers[^1] with { End = text.Length };
                }
                else
                {
                    markers.Add(new TextRange(before, text.Length));
                }
            }
            var end = letter.EndBaseLine;
            right = end.X;
            sizeSum += size * value.Length;
            count += value.Length;
            var fontName = letter.FontName;
            if (!ReferenceEquals(fontName, font))
            {
                font = fontName;
                fontBold = IsBold(font);
            }
            bold += fontBold ? value.Length : 0;
            hasPrevious = true;
            previousPointSize = pointSize;
            previousY = start.Y;
            previousEndX = end.X;
            previousOrientation = orientation;
        }
        Flush();
        DropCaps.Attach(lines);
        return lines;
    }

    /// <summary>
    /// A raised, smaller digit or dagger right after a letter or punctuation is a note mark (or
    /// continues one); after a baseline digit it is an exponent ("2¹⁶", which the text layer
    /// gives as "216") and stays text.
    /// </summary>
    /// <remarks>Called for a letter at <paramref name="at"/> &gt; 0 that stands at least a fifth of the line's size above its baseline.</remarks>
    private static bool IsNoteMark(StringBuilder text, int at, double size, double lineSize, List<TextRange> markers)
    {
        if (text.Length != at + 1 || size > 0.85 * lineSize)
        {
            return false;
        }
        var c = text[at];
        if (!(char.IsDigit(c) || c is '*' or '†' or '‡' or '§' or '¶'))
        {
            return false;
        }
        if (markers.Count > 0 && markers[^1].End == at)
        {
            return true;
        }
        var previous = text[at - 1];
        return !char.IsDigit(previous) && !char.IsWhiteSpace(previous);
    }

    /// <summary>Heavy weights by their usual font names (CMBX is Computer Modern bold extended).</summary>
    private static bool IsBold(string? font) =>
        font is not null && (font.Contains("Bold", StringComparison.OrdinalIgnoreCase) || font.Contains("Black", StringComparison.OrdinalIgnoreCase)
            || font.Contains("Heavy", StringComparison.OrdinalIgnoreCase) || font.Contains("Semibold", StringComparison.OrdinalIgnoreCase)
            || font.Contains("Demi", StringComparison.OrdinalIgnoreCase) || font.Contains("CMBX", StringComparison.Ordinal) || font.Contains("-Medi", StringComparison.Ordinal));

    private static void AppendLetter(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            // A soft hyphen in a text layer is a drawn hyphen (a line-end break or a real one): it reads as '-'.
            if (c == '\u00AD')
            {
                text.Append('-');
            }
            else if (!IsInvisible(c))
            {
                text.Append(c);
            }
        }
    }

    private static bool IsInvisible(string value)
    {
        foreach (var c in value)
        {
            if (!IsInvisible(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Characters that draw nothing a reader sees: zero-width spaces and joiners, BOM, bidi marks, controls, private-use glyphs.</summary>
    public static bool IsInvisible(char c) => (c is < ' ' or > '~') && c != '\u00AD' && CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Format => true,
        UnicodeCategory.Control => c is not ('\n' or '\r' or '\t'),
        UnicodeCategory.PrivateUse => true,
        _ => false,
    };
}
