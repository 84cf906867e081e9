using CrossCheck.Provenance;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The embedded profile's <see cref="IProvenanceChain"/>: one <see cref="ProvenanceLog"/> file per run under
/// the path <c>pathOf</c> gives (the run folder's own log when serving), kept open by this process (the only writer), continued where it ends when opened again.
/// </summary>
public sealed class FileProvenanceChain(Func<string, string> pathOf, TimeProvider time) : IProvenanceChain, IDisposable
{
    /// <summary>A chain per run in <paramref name="folder"/>, named <c>&lt;run id&gt;.provenance.jsonl</c>.</summary>
    public FileProvenanceChain(string folder, TimeProvider time)
        : this(runId => Path.Combine(folder, runId + ".provenance.jsonl"), time)
    {
    }

    private readonly Dictionary<string, ProvenanceLog> _logs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<(long Sequence, string Hash)> AppendAsync(string runId, string type, object data, CancellationToken cancellationToken) =>
        Task.FromResult(Append(runId, time.GetUtcNow(), type, data));

    /// <summary>Appends with this chain's clock (a file log stamps its own records).</summary>
    public (long Sequence, string Hash) Append(string runId, DateTimeOffset at, string type, object data)
    {
        lock (_gate)
        {
            var log = Open(runId);
            var sequence = log.Count;
            log.Append(type, data);
            return (sequence, log.LastHash);
        }
    }

    public Task ImportAsync(string runId, string path, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Close(runId);
            var own = PathOf(runId);
            if (!string.Equals(Path.GetFullPath(own), Path.GetFullPath(path), StringComparison.Ordinal))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(own)!);
                File.Copy(path, own, overwrite: true);
            }
        }
        return Task.CompletedTask;
    }

    public void Close(string runId)
    {
        lock (_gate)
        {
            if (_logs.Remove(runId, out var log))
            {
                log.Dispose();
            }
        }
    }

    public Task<long> ExportAsync(string runId, string path, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var log = Open(runId);
            if (!string.Equals(Path.GetFullPath(PathOf(runId)), Path.GetFullPath(path), StringComparison.Ordinal))
            {
                File.Copy(PathOf(runId), path, overwrite: true);
            }
            return Task.FromResult(log.Count);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var log in _logs.Values)
            {
                log.Dispose();
            }
            _logs.Clear();
        }
    }

    private ProvenanceLog Open(string runId)
    {
        if (!_logs.TryGetValue(runId, out var log))
        {
            var path = PathOf(runId);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            log = File.Exists(path) ? ProvenanceLog.OpenForAppend(path, time).Log : new ProvenanceLog(path, time);
            _logs[runId] = log;
        }
        return log;
    }

    private string PathOf(string runId) =>
        Safety.RunIdRules.Problem(runId) is { } problem ? throw new ArgumentException($"run id '{runId}': {problem}", nameof(runId)) : pathOf(runId);
}
