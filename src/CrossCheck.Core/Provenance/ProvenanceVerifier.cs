using System.Security.Cryptography;
using System.Text.Json;
using CrossCheck.Ingest;
using CrossCheck.Provenance.Verification;

namespace CrossCheck.Provenance;

/// <summary>
/// Checks a provenance log (format v1 or v2, see <see cref="ProvenanceLog"/>) from its bytes alone:
/// every line parses, is version 1, has the next seq, and holds the SHA-256 of the line before
/// it. Reports the first record where that fails. An edit to line k leaves line k itself
/// well-formed; it is line k + 1, whose prev no longer matches, that is reported, naming line k.
/// </summary>
public static class ProvenanceVerifier
{
    private const byte NewLine = (byte)'\n';

    // The writer's serializer nests data up to its own limit of 64; the record object adds a level.
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 256 };

    /// <summary>
    /// Verifies the whole log, which is read into memory. An empty file holds, with 0 records.
    /// An edit to the last record cannot show in the chain; compare <see cref="VerificationResult.LastHash"/>
    /// with a hash kept elsewhere to catch it.
    /// </summary>
    /// <exception cref="InputException">The file cannot be read.</exception>
    public static VerificationResult Verify(string path)
    {
        var bytes = ReadAll(path);
        var previousHash = ProvenanceLog.GenesisHash;
        var records = 0;
        var start = 0;
        while (start < bytes.Length)
        {
            var newLine = Array.IndexOf(bytes, NewLine, start);
            var terminated = newLine >= 0;
            var end = terminated ? newLine : bytes.Length;
            var line = bytes.AsMemory(start, end - start);
            var lineNumber = records + 1;

            if (Check(line, lineNumber, terminated, previousHash, expectedSeq: records) is { } broken)
            {
                return new VerificationResult(records, previousHash, Reordering.Diagnose(broken, bytes, start, records));
            }
            previousHash = Convert.ToHexStringLower(SHA256.HashData(line.Span));
            records++;
            start = end + 1;
        }
        return new VerificationResult(records, previousHash, null);
    }

    /// <summary>
    /// Verifies a run folder's log (or a log beside its run.json): the chain, and for a finished run
    /// (one whose folder holds <c>run.json</c>) that the last record is <c>run_end</c>. A log cut at a
    /// line boundary keeps a valid chain; only the missing <c>run_end</c> shows the cut.
    /// </summary>
    /// <exception cref="InputException">The file cannot be read.</exception>
    public static VerificationResult VerifyRun(string runFolderOrLog, string? pinnedPublicKeyPem = null)
    {
        var path = Directory.Exists(runFolderOrLog) ? Path.Combine(runFolderOrLog, "provenance.jsonl") : runFolderOrLog;
        var result = Verify(path);
        var spec = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "run.json");
        if (!result.ChainHolds || !File.Exists(spec))
        {
            return result;
        }
        return RunLogChecks.Check(path, spec, result, pinnedPublicKeyPem);
    }

    /// <summary>The record type every finished run's log ends with.</summary>
    public const string RunEndType = "run_end";

    /// <summary>
    /// Makes the log's tail safe to append to, for resuming after a crash. A last line with no
    /// newline that does not parse (a torn write) is cut off; a last line with no newline that
    /// does parse (the crash came between the record and its newline) gets its newline, which
    /// does not change any hash. Nothing else is touched: run <see cref="Verify"/> for the rest.
    /// Call it only while no <see cref="ProvenanceLog"/> has the file open.
    /// </summary>
    /// <returns>True when the file was changed.</returns>
    /// <exception cref="InputException">The file cannot be read or written.</exception>
    public static bool RepairTornTail(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            if (bytes.Length == 0 || bytes[^1] == NewLine)
            {
                return false;
            }
            var tailStart = Array.LastIndexOf(bytes, NewLine) + 1;
            if (Parse(bytes.AsMemory(tailStart)) is { } complete)
            {
                complete.Dispose();
                stream.Seek(0, SeekOrigin.End);
                stream.WriteByte(NewLine);
            }
            else
            {
                stream.SetLength(tailStart);
            }
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot repair the provenance log {path}: {e.Message}", e);
        }
    }

    private static ChainBreak? Check(ReadOnlyMemory<byte> line, int lineNumber, bool terminated, string previousHash, long expectedSeq)
    {
        using var document = Parse(line);
        if (document is null)
        {
            return terminated
                ? new ChainBreak(lineNumber, null, ChainBreakKind.UnparseableJson, "the line is not valid JSON")
                : new ChainBreak(lineNumber, null, ChainBreakKind.TornLastLine,
                    "torn last line: it has no newline and is not complete JSON, so a write was cut short (a crash); RepairTornTail removes it");
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new ChainBreak(lineNumber, null, ChainBreakKind.MalformedRecord, $"the line is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not a record object");
        }

        long? seq = root.TryGetProperty("seq", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : null;

        if (!root.TryGetProperty("v", out var v))
        {
            return new ChainBreak(lineNumber, seq, ChainBreakKind.UnknownVersion, "the record has no format version \"v\"");
        }
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version) || !ProvenanceLog.ReadableVersions.Contains(version))
        {
            return new ChainBreak(lineNumber, seq, ChainBreakKind.UnknownVersion,
                $"format version {v.GetRawText()} is not one this build reads (it reads {string.Join(" and ", ProvenanceLog.ReadableVersions)})");
        }

        if (seq is null)
        {
            return new ChainBreak(lineNumber, null, ChainBreakKind.MalformedRecord, "the record has no integer \"seq\"");
        }
        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return new ChainBreak(lineNumber, seq, ChainBreakKind.MalformedRecord, "the record has no string \"type\"");
        }
        if (!root.TryGetProperty("data", out _))
        {
            return new ChainBreak(lineNumber, seq, ChainBreakKind.MalformedRecord, "the record has no \"data\"");
        }
        if (!root.TryGetProperty("prev", out var p) || p.ValueKind != JsonValueKind.String)
        {
            return new ChainBreak(lineNumber, seq, ChainBreakKind.MalformedRecord, "the record has no string \"prev\"");
        }

        var prevMatches = string.Equals(p.GetString(), previousHash, StringComparison.Ordinal);
        var seqMatches = seq == expectedSeq;
        var previousLine = lineNumber - 1;
        return (prevMatches, seqMatches) switch
        {
            (true, true) => null,
            (false, _) when seq > expectedSeq => new ChainBreak(lineNumber, seq, ChainBreakKind.RecordsDeleted,
                $"seq {seq} where {expectedSeq} was expected and prev does not match the line before: " +
                $"{seq - expectedSeq} record(s) were deleted {(lineNumber == 1 ? "from the start of the log" : $"between lines {previousLine} and {lineNumber}")}"),
            (false, true) when lineNumber == 1 => new ChainBreak(lineNumber, seq, ChainBreakKind.PreviousHashMismatch,
                "the first record's prev is not the genesis hash (64 zeros): the record was changed, or the log does not start here"),
            (false, true) => new ChainBreak(lineNumber, seq, ChainBreakKind.PreviousHashMismatch,
                $"prev does not match the SHA-256 of line {previousLine}: line {previousLine} was changed or removed, or a record was inserted before line {lineNumber}"),
            (true, false) => new ChainBreak(lineNumber, seq, ChainBreakKind.SequenceMismatch,
                $"seq {seq} where {expectedSeq} was expected, though prev matches {(lineNumber == 1 ? "the genesis hash" : $"line {previousLine}")}: this record's seq was changed"),
            (false, false) => new ChainBreak(lineNumber, seq, ChainBreakKind.SequenceMismatch,
                $"seq {seq} where {expectedSeq} was expected and prev does not match the line before: a record was duplicated, inserted or reordered"),
        };
    }

    private static JsonDocument? Parse(ReadOnlyMemory<byte> line)
    {
        try
        {
            return JsonDocument.Parse(line, ParseOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] ReadAll(string path)
    {
        try
        {
            // ReadWrite sharing: a running ProvenanceLog keeps the file open for writing.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot read the provenance log {path}: {e.Message}", e);
        }
    }
}
