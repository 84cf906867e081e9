using System.Text;
using CrossCheck.Provenance;
using CrossCheck.Running;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Provenance;

/// <summary>Format version 2 is written; version 1 logs (written before the vocabulary was typed) still verify and resume in version 1.</summary>
public sealed class LogVersionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void NewLog_IsVersion2()
    {
        var path = _temp.File("provenance.jsonl");
        using (var log = new ProvenanceLog(path, TimeProvider.System))
        {
            log.Append(new SourcesIndexedEntry(3, "bm25"));
        }

        var line = File.ReadAllLines(path).Single();
        Assert.StartsWith("""{"v":2,""", line, StringComparison.Ordinal);
        Assert.Contains("""
            "type":"sources_indexed"
            """, line, StringComparison.Ordinal);
        Assert.Contains("""
            "data":{"passages":3,"retrieval":"bm25"}
            """, line, StringComparison.Ordinal);
        Assert.True(ProvenanceVerifier.Verify(path).ChainHolds);
    }

    [Fact]
    public void Version1Log_Verifies_AndAResumeGoesOnInVersion1()
    {
        var path = _temp.File("provenance.jsonl");
        using (var log = new ProvenanceLog(path, TimeProvider.System))
        {
            log.Append(new SourcesIndexedEntry(3, "bm25"));
            log.Append(new SourcesIndexedEntry(4, "bm25"));
        }
        // The same records as a version-1 writer made them: "v":1, chained again.
        var v1 = File.ReadAllLines(path).Select(l => l.Replace("""{"v":2,""", """{"v":1,""", StringComparison.Ordinal)).ToArray();
        File.WriteAllText(path, string.Join("\n", LogFixtures.Rechain(v1)) + "\n", new UTF8Encoding(false));
        Assert.True(ProvenanceVerifier.Verify(path).ChainHolds, ProvenanceVerifier.Verify(path).ToString());

        var (resumed, _, records) = ProvenanceLog.OpenForAppend(path, TimeProvider.System);
        using (resumed)
        {
            resumed.Append(new SourcesIndexedEntry(5, "bm25"));
        }

        Assert.Equal(2, records);
        var lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("""{"v":1,""", l, StringComparison.Ordinal));
        Assert.True(ProvenanceVerifier.Verify(path).ChainHolds);
    }

    [Fact]
    public void UnknownVersion_IsReported()
    {
        var path = _temp.File("provenance.jsonl");
        using (var log = new ProvenanceLog(path, TimeProvider.System))
        {
            log.Append(new SourcesIndexedEntry(3, "bm25"));
        }
        var v3 = File.ReadAllLines(path).Select(l => l.Replace("""{"v":2,""", """{"v":3,""", StringComparison.Ordinal)).ToArray();
        File.WriteAllText(path, string.Join("\n", LogFixtures.Rechain(v3)) + "\n", new UTF8Encoding(false));

        var check = ProvenanceVerifier.Verify(path);

        Assert.False(check.ChainHolds);
        Assert.Contains("format version 3 is not one this build reads (it reads 1 and 2)", check.ToString(), StringComparison.Ordinal);
    }
}
