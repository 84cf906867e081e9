using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace CrossCheck.Ingest;

/// <summary>Section detection's reading of the text itself: table of contents lines, and the text without invisible characters.</summary>
public static partial class SectionDetector
{
    /// <summary>A table of contents entry: dot (or dash, underscore) leaders, or a page number after a wide gap.</summary>
    [GeneratedRegex(@"(?:[.\u2026·_\-][ \t]?){4,}[ \t]*[A-Za-z]?-?[0-9ivxlcdm]*[ \t]*$|[ \t]{3,}[A-Z]?-?\d{1,4}[ \t]*$")]
    private static partial Regex TocEntry();

    /// <summary>True for a table of contents entry ("2.3 Results ........ 15").</summary>
    internal static bool IsTocEntry(string line) => MayBeTocEntry(line) && TocEntry().IsMatch(line);

    private static readonly SearchValues<char> Leaders = SearchValues.Create(".\u2026·_-");

    /// <summary>
    /// What <see cref="TocEntry"/> cannot match without: four leader characters, or three spaces or tabs in a row.
    /// Nearly every line of running text has neither, and this says so without running the expression from each space.
    /// </summary>
    private static bool MayBeTocEntry(ReadOnlySpan<char> line)
    {
        if (line.Contains("   ", StringComparison.Ordinal) || line.Contains('\t'))
        {
            return true;
        }
        var leaders = 0;
        for (var at = line.IndexOfAny(Leaders); at >= 0; at = line.IndexOfAny(Leaders))
        {
            if (++leaders == 4)
            {
                return true;
            }
            line = line[(at + 1)..];
        }
        return false;
    }

    /// <summary>The text without invisible characters, and where each of its characters stands in the original (null when nothing was removed).</summary>
    private static (string Text, int[]? Map) Visible(string text)
    {
        if (TextNormalizer.IndexOfInvisible(text) < 0)
        {
            return (text, null);
        }
        var visible = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!TextNormalizer.IsInvisible(text[i]))
            {
                visible.Append(text[i]);
                map.Add(i);
            }
        }
        map.Add(text.Length);
        return (visible.ToString(), [.. map]);
    }
}
