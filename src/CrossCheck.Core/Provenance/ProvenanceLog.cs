using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrossCheck.Provenance;

/// <summary>
/// The append-only provenance log, <c>provenance.jsonl</c>, format version 2: one JSON object per
/// line, <c>{"v":2,"seq":n,"at":time,"type":...,"prev":sha256-of-previous-line,"data":{...}}</c>, the data
/// being one <see cref="LogEntry"/> subtype per record type. Version 1 logs (before the record types were typed
/// and run_end became required) still verify and replay; a resumed v1 log goes on in version 1.
/// Each record holds the SHA-256 (hex) of the previous line's UTF-8 bytes (64 zeros for the
/// first), so any edit breaks the chain. Every record is handed to the operating system as it is written (a killed
/// process loses none); a record of a model call, which holds an answer that was paid for, is also flushed to the disk
/// itself before <see cref="Append(LogEntry)"/> returns (so are all records before it), and so is the whole log when it
/// is closed. A power cut can lose at most the records after the last model call, which resume repeats without cost.
/// </summary>
public sealed class ProvenanceLog : IDisposable
{
    public const int FormatVersion = 2;

    /// <summary>Every format version this build reads.</summary>
    public static readonly IReadOnlyList<int> ReadableVersions = [1, 2];
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly JsonSerializerOptions Json = ReportJson.Options;
    private readonly FileStream? _stream;
    private readonly IProvenanceAppender? _appender;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private string _previous = GenesisHash;
    private long _sequence;
    private readonly int _version = FormatVersion;

    public ProvenanceLog(string path, TimeProvider time)
    {
        _time = time;
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
    }

    /// <summary>
    /// A log whose records go to <paramref name="appender"/> (a chain other writers extend too): <see cref="LastHash"/>
    /// and <see cref="Count"/> follow this log's own last record, so they are the chain's head once this writer is the last.
    /// </summary>
    public ProvenanceLog(IProvenanceAppender appender, TimeProvider time)
    {
        _appender = appender;
        _time = time;
    }

    private ProvenanceLog(FileStream stream, TimeProvider time, string previous, long sequence, int version)
    {
        _stream = stream;
        _time = time;
        _previous = previous;
        _sequence = sequence;
        _version = version;
    }

    /// <summary>
    /// Opens an existing log to go on writing it (resume): a torn last line, left by a crash in
    /// the middle of a write, is cut first; the chain must hold, and new records continue it.
    /// Returns whether a torn line was cut.
    /// </summary>
    public static (ProvenanceLog Log, bool TornTailCut, long Records) OpenForAppend(string path, TimeProvider time)
    {
        var cut = ProvenanceVerifier.RepairTornTail(path);
        var check = ProvenanceVerifier.Verify(path);
        if (!check.ChainHolds)
        {
            throw new Ingest.InputException($"{path}: the provenance log of the run to resume is broken ({check}); start a new run instead.");
        }
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return (new ProvenanceLog(stream, time, check.Records == 0 ? GenesisHash : check.LastHash, check.Records, VersionOf(path)), cut, check.Records);
    }

    public string LastHash => _previous;

    public long Count => _sequence;

    /// <summary>Appends one record, flushed to disk before this returns.</summary>
    public void Append(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Append(entry.Type, entry);
    }

    /// <summary>The format version of an existing log: its first record's (the current version for an empty file).</summary>
    private static int VersionOf(string path)
    {
        using var reader = new StreamReader(path);
        if (reader.ReadLine() is not { Length: > 0 } first)
        {
            return FormatVersion;
        }
        using var document = JsonDocument.Parse(first);
        return document.RootElement.TryGetProperty("v", out var v) && v.TryGetInt32(out var version) ? version : FormatVersion;
    }

    /// <summary>
    /// Appends a record of any type and shape. The program writes only <see cref="LogEntry"/> records (the overload above;
    /// Architecture/LogEntryTests fails on a call with a string type in src/); this one is for tests that build odd logs.
    /// </summary>
    public void Append(string type, object data)
    {
        if (_appender is not null)
        {
            var (sequence, hash) = _appender.Append(_time.GetUtcNow(), type, data);
            lock (_gate)
            {
                if (sequence >= _sequence)
                {
                    _previous = hash;
                    _sequence = sequence + 1;
                }
            }
            return;
        }
        lock (_gate)
        {
            var line = Line(_sequence, _time.GetUtcNow(), type, _previous, data, _version);
            _stream!.Write(line);
            _stream.WriteByte((byte)'\n');
            _stream.Flush(flushToDisk: type == DurableType);
            _previous = Convert.ToHexStringLower(SHA256.HashData(line));
            _sequence++;
        }
    }

    /// <summary>One record's line (UTF-8, without its newline), exactly as this log writes it; its SHA-256 is the next record's <c>prev</c>.</summary>
    public static byte[] Line(long sequence, DateTimeOffset at, string type, string previous, object data, int version = FormatVersion)
    {
        var record = new JsonObject
        {
            ["v"] = version,
            ["seq"] = sequence,
            ["at"] = at.ToString("O"),
            ["type"] = type,
            ["prev"] = previous,
            ["data"] = JsonSerializer.SerializeToNode(data, Json),
        };
        return Encoding.UTF8.GetBytes(record.ToJsonString(Json));
    }

    /// <summary>The record type flushed to the disk itself one by one: it holds a paid answer.</summary>
    private const string DurableType = "model_call";

    public void Dispose()
    {
        lock (_gate)
        {
            if (_stream is { CanWrite: true })
            {
                _stream.Flush(flushToDisk: true);
            }
        }
        _stream?.Dispose();
        _appender?.Dispose();
    }
}
