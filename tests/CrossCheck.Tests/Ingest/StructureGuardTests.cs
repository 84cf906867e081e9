using System.IO.Compression;
using System.Text;
using CrossCheck.Ingest;
using CrossCheck.Samples;

namespace CrossCheck.Tests.Ingest;

public sealed class StructureGuardTests
{
    [Fact]
    public void HtmlDepth_MillionNestedDivs_StopsPastTheLimit()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 1_000_000)) + "x" + string.Concat(Enumerable.Repeat("</div>", 1_000_000));
        Assert.True(HtmlDepthGuard.MaxDepth(html, 512) > 512);
    }

    [Fact]
    public void HtmlDepth_OrdinaryPage_IsShallow()
    {
        const string html = "<html><head><style>div>p{}</style></head><body><div><p>One<br>two<p>three<ul><li>a<li>b</ul><img src=x></div><!-- <div><div> --></body></html>";
        Assert.Equal(4, HtmlDepthGuard.MaxDepth(html, 512));
    }

    [Fact]
    public void PdfScan_CleanGeneratedPdf_HasNoProblems()
    {
        var pdf = SamplePdf();
        var scan = PdfStructureScan.Scan(pdf, 64L << 20);
        Assert.False(scan.OverBudget);
        Assert.Empty(scan.Problems);
    }

    [Fact]
    public void PdfScan_ShiftedObject_IsReportedAsBrokenXref()
    {
        var pdf = SamplePdf();
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.IndexOf("2 0 obj", StringComparison.Ordinal);
        var damaged = Encoding.Latin1.GetBytes(text.Insert(at, "  % junk\n"));
        var scan = PdfStructureScan.Scan(damaged, 64L << 20);
        Assert.Contains(scan.Problems, p => p.Contains("cross-reference", StringComparison.Ordinal));
    }

    [Fact]
    public void PdfScan_CutFile_MissesEndMarker()
    {
        var pdf = SamplePdf();
        var scan = PdfStructureScan.Scan(pdf[..(pdf.Length * 2 / 3)], 64L << 20);
        Assert.NotEmpty(scan.Problems);
    }

    [Fact]
    public void PdfScan_CompressionBomb_IsOverBudgetWithoutInflatingItAll()
    {
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 512; i++)
            {
                z.Write(zeros);
            }
        }
        var data = compressed.ToArray();
        var head = Encoding.Latin1.GetBytes($"%PDF-1.7\n1 0 obj\n<< /Length {data.Length} /Filter /FlateDecode >>\nstream\n");
        var tail = Encoding.Latin1.GetBytes("\nendstream\nendobj\n%%EOF\n");
        var bomb = head.Concat(data).Concat(tail).ToArray();
        var before = GC.GetTotalAllocatedBytes();
        var scan = PdfStructureScan.Scan(bomb, 64L << 20);
        var allocated = GC.GetTotalAllocatedBytes() - before;
        Assert.True(scan.OverBudget);
        Assert.True(allocated < 64L << 20, $"allocated {allocated} bytes");
    }

    private static byte[] SamplePdf() => SampleGenerator.BuildPdf(SampleSource.Pages, "sample footer");
}
