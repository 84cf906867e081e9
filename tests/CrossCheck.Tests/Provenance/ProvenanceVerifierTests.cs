using System.Text;
using CrossCheck.Provenance;
using CrossCheck.Provenance.Verification;

namespace CrossCheck.Tests.Provenance;

public sealed class ProvenanceVerifierTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crosscheck-provenance-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Writes a real log of <paramref name="records"/> records; returns its path and last hash.</summary>
    private (string Path, string LastHash) WriteLog(int records)
    {
        var path = Path.Combine(_folder, "provenance.jsonl");
        using var log = new ProvenanceLog(path, TimeProvider.System);
        for (var i = 0; i < records; i++)
        {
            log.Append("event", new { Value = $"value-{i}", Index = i });
        }
        return (path, log.LastHash);
    }

    private static List<byte[]> Lines(string path) =>
        [.. File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Encoding.UTF8.GetBytes)];

    private static void WriteLines(string path, IEnumerable<byte[]> lines) =>
        File.WriteAllBytes(path, [.. lines.SelectMany(l => l.Append((byte)'\n'))]);

    [Fact]
    public void Verify_WhenLogIsIntact_ChainHolds()
    {
        var (path, lastHash) = WriteLog(3);

        var result = ProvenanceVerifier.Verify(path);

        Assert.True(result.ChainHolds);
        Assert.Equal(3, result.Records);
        Assert.Equal(lastHash, result.LastHash);
        Assert.Equal($"chain holds (3 records, last hash {lastHash})", result.ToString());
    }

    [Fact]
    public void Verify_WhileTheLogIsStillOpenForWriting_ReadsIt()
    {
        var path = Path.Combine(_folder, "provenance.jsonl");
        using var log = new ProvenanceLog(path, TimeProvider.System);
        log.Append("run_start", new { Spec = "x" });

        var result = ProvenanceVerifier.Verify(path);

        Assert.True(result.ChainHolds);
        Assert.Equal(1, result.Records);
    }

    [Fact]
    public void Verify_WhenOneByteOfTheMiddleRecordChanges_ReportsTheNextRecordAndNamesTheChangedLine()
    {
        var (path, _) = WriteLog(3);
        var lines = Lines(path);
        var at = Encoding.UTF8.GetString(lines[1]).IndexOf("value-1", StringComparison.Ordinal);
        lines[1][at + "value-".Length] = (byte)'9';
        WriteLines(path, lines);

        var result = ProvenanceVerifier.Verify(path);

        Assert.False(result.ChainHolds);
        Assert.Equal(2, result.Records);
        var broken = result.Break!;
        Assert.Equal(3, broken.LineNumber);
        Assert.Equal(2, broken.Seq);
        Assert.Equal(ChainBreakKind.PreviousHashMismatch, broken.Kind);
        Assert.Contains("line 2 was changed or removed", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WhenAMiddleRecordIsDeleted_ReportsTheRecordAfterTheGap()
    {
        var (path, _) = WriteLog(4);
        var lines = Lines(path);
        lines.RemoveAt(1);
        WriteLines(path, lines);

        var result = ProvenanceVerifier.Verify(path);

        var broken = result.Break!;
        Assert.Equal(2, broken.LineNumber);
        Assert.Equal(2, broken.Seq);
        Assert.Equal(ChainBreakKind.RecordsDeleted, broken.Kind);
        Assert.Contains("1 record(s) were deleted between lines 1 and 2", broken.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.Records);
    }

    [Fact]
    public void Verify_WhenTheFirstRecordIsDeleted_ReportsLineOne()
    {
        var (path, _) = WriteLog(3);
        WriteLines(path, Lines(path).Skip(1));

        var broken = ProvenanceVerifier.Verify(path).Break!;

        Assert.Equal(1, broken.LineNumber);
        Assert.Equal(ChainBreakKind.RecordsDeleted, broken.Kind);
        Assert.Contains("from the start of the log", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WhenTheLastRecordsSeqIsEdited_ReportsASequenceMismatch()
    {
        var (path, _) = WriteLog(3);
        var lines = Lines(path);
        lines[2] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(lines[2]).Replace("\"seq\":2", "\"seq\":7", StringComparison.Ordinal));
        WriteLines(path, lines);

        var broken = ProvenanceVerifier.Verify(path).Break!;

        Assert.Equal(3, broken.LineNumber);
        Assert.Equal(7, broken.Seq);
        Assert.Equal(ChainBreakKind.SequenceMismatch, broken.Kind);
    }

    [Fact]
    public void Verify_WhenAMiddleLineIsNotJson_ReportsUnparseableJson()
    {
        var (path, _) = WriteLog(3);
        var lines = Lines(path);
        lines[1] = Encoding.UTF8.GetBytes("{\"v\":1,\"seq\":1, this is not json");
        WriteLines(path, lines);

        var broken = ProvenanceVerifier.Verify(path).Break!;

        Assert.Equal(2, broken.LineNumber);
        Assert.Null(broken.Seq);
        Assert.Equal(ChainBreakKind.UnparseableJson, broken.Kind);
    }

    [Fact]
    public void Verify_WhenVersionIsUnknown_ReportsUnknownVersion()
    {
        var (path, _) = WriteLog(2);
        var lines = Lines(path);
        lines[0] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(lines[0]).Replace("\"v\":2", "\"v\":7", StringComparison.Ordinal));
        WriteLines(path, lines);

        var broken = ProvenanceVerifier.Verify(path).Break!;

        Assert.Equal(1, broken.LineNumber);
        Assert.Equal(0, broken.Seq);
        Assert.Equal(ChainBreakKind.UnknownVersion, broken.Kind);
        Assert.Contains("format version 7", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WhenTheLastLineIsTorn_ReportsTornLastLine_AndRepairTornTailRestoresTheChain()
    {
        var (path, lastHash) = WriteLog(3);
        using (var stream = new FileStream(path, FileMode.Append))
        {
            stream.Write("{\"v\":1,\"seq\":3,\"at\":\"2026-"u8);
        }

        var torn = ProvenanceVerifier.Verify(path);

        Assert.False(torn.ChainHolds);
        Assert.Equal(4, torn.Break!.LineNumber);
        Assert.Equal(ChainBreakKind.TornLastLine, torn.Break.Kind);
        Assert.Contains("torn last line", torn.Break.Reason, StringComparison.Ordinal);
        Assert.Equal(3, torn.Records);
        Assert.Equal(lastHash, torn.LastHash);

        Assert.True(ProvenanceVerifier.RepairTornTail(path));

        var repaired = ProvenanceVerifier.Verify(path);
        Assert.True(repaired.ChainHolds);
        Assert.Equal(3, repaired.Records);
        Assert.Equal(lastHash, repaired.LastHash);
        Assert.False(ProvenanceVerifier.RepairTornTail(path));
    }

    [Fact]
    public void Verify_WhenOnlyTheLastNewlineIsMissing_ChainHolds_AndRepairTornTailRestoresTheNewline()
    {
        var (path, lastHash) = WriteLog(2);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^1]);

        var result = ProvenanceVerifier.Verify(path);
        Assert.True(result.ChainHolds);
        Assert.Equal(2, result.Records);
        Assert.Equal(lastHash, result.LastHash);

        Assert.True(ProvenanceVerifier.RepairTornTail(path));
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Verify_WhenTheOnlyLineIsTorn_RepairLeavesAnEmptyLogThatHolds()
    {
        var path = Path.Combine(_folder, "provenance.jsonl");
        File.WriteAllText(path, "{\"v\":1,\"se");

        Assert.Equal(ChainBreakKind.TornLastLine, ProvenanceVerifier.Verify(path).Break!.Kind);
        Assert.True(ProvenanceVerifier.RepairTornTail(path));
        Assert.Equal(0, new FileInfo(path).Length);
        Assert.True(ProvenanceVerifier.Verify(path).ChainHolds);
    }

    [Fact]
    public void Verify_OnAnEmptyFile_HoldsWithNoRecords()
    {
        var path = Path.Combine(_folder, "provenance.jsonl");
        File.WriteAllBytes(path, []);

        var result = ProvenanceVerifier.Verify(path);

        Assert.True(result.ChainHolds);
        Assert.Equal(0, result.Records);
        Assert.Equal(ProvenanceLog.GenesisHash, result.LastHash);
        Assert.False(ProvenanceVerifier.RepairTornTail(path));
    }

    [Fact]
    public void Verify_WhenTheFileIsMissing_ThrowsAnInputExceptionNamingIt()
    {
        var path = Path.Combine(_folder, "missing.jsonl");

        var error = Assert.Throws<CrossCheck.Ingest.InputException>(() => ProvenanceVerifier.Verify(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
