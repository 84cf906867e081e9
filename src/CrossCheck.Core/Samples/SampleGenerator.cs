using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CrossCheck.Samples;

/// <summary>Writes the bundled sample: <c>essay.md</c> and <c>source.pdf</c>, a multi-page PDF built with PdfPig.</summary>
public static class SampleGenerator
{
    public const string EssayFile = "essay.md";
    public const string SourceFile = "source.pdf";

    /// <summary>The sample's PDF, built once per process: the same pages always give the same bytes, and building them
    /// costs tens of milliseconds of CPU, paid again by every sample folder written (the tests write about a hundred).</summary>
    private static readonly Lazy<byte[]> SourcePdf = new(() => BuildPdf(SampleSource.Pages, SampleSource.Title));

    public static (string Essay, string Source) Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var essay = Path.Combine(folder, EssayFile);
        var source = Path.Combine(folder, SourceFile);
        File.WriteAllText(essay, SampleEssay.Text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        File.WriteAllBytes(source, SourcePdf.Value);
        return (essay, source);
    }

    /// <summary>Builds a text PDF: one page per entry, "# " blocks as bold headings, other blocks wrapped at about 90 characters.</summary>
    public static byte[] BuildPdf(IReadOnlyList<IReadOnlyList<string>> pages, string footer)
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        for (var p = 0; p < pages.Count; p++)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780.0;
            foreach (var block in pages[p])
            {
                if (block.StartsWith("# ", StringComparison.Ordinal))
                {
                    y -= 8;
                    page.AddText(block[2..], 12, new PdfPoint(56, y), bold);
                    y -= 20;
                    continue;
                }
                foreach (var line in Wrap(block, 90))
                {
                    page.AddText(line, 10, new PdfPoint(56, y), regular);
                    y -= 14;
                }
                y -= 8;
            }
            page.AddText($"{footer} - page {p + 1} of {pages.Count}", 8, new PdfPoint(56, 40), regular);
        }
        return WithContentId(builder.Build());
    }

    /// <summary>
    /// PdfPig writes a random file identifier (two GUIDs in the trailer's /ID): replace it with one derived from the
    /// content, as the PDF specification suggests, so the same pages always give the same bytes. Same length, so no
    /// offset in the cross-reference table moves.
    /// </summary>
    internal static byte[] WithContentId(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("/ID [", StringComparison.Ordinal);
        if (at < 0)
        {
            return pdf;
        }
        var first = text.IndexOf('<', at) + 1;
        var close = text.IndexOf('>', first);
        var second = text.IndexOf('<', close) + 1;
        var end = text.IndexOf('>', second);
        if (first <= 0 || close < 0 || second <= 0 || end < 0 || close - first != end - second)
        {
            return pdf;
        }
        var copy = (byte[])pdf.Clone();
        copy.AsSpan(first, close - first).Fill((byte)'0');
        copy.AsSpan(second, end - second).Fill((byte)'0');
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(copy));
        var id = System.Text.Encoding.ASCII.GetBytes(hash[..(close - first)].PadRight(close - first, '0'));
        id.CopyTo(copy, first);
        id.CopyTo(copy, second);
        return copy;
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var forced = word.IndexOf("-|", StringComparison.Ordinal);
            if (forced >= 0)
            {
                var head = word[..(forced + 1)];
                yield return line.Length == 0 ? head : line + " " + head;
                line = word[(forced + 2)..];
                continue;
            }
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        if (line.Length > 0)
        {
            yield return line;
        }
    }
}
