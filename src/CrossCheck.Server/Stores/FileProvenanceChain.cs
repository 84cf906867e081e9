using CrossCheck.Provenance;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The embedded profile's <see cref="IProvenanceChain"/>: one <see cref="ProvenanceLog"/> file per run under
/// <c>folder</c>, kept open by this process (the only writer), continued where it ends when opened again.
/// </summary>
public sealed class FileProvenanceChain(string folder, TimeProvider time) : IProvenanceChain, IDisposable
{
    private readonly Dictionary<string, ProvenanceLog> _logs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<(long Sequence, string Hash)> AppendAsync(string runId, string type, object data, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var log = Open(runId);
            var sequence = log.Count;
            log.Append(type, data);
            return Task.FromResult((sequence, log.LastHash));
        }
    }

    public Task<long> ExportAsync(string runId, string path, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var log = Open(runId);
            File.Copy(PathOf(runId), path, overwrite: true);
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
            Directory.CreateDirectory(folder);
            var path = PathOf(runId);
            log = File.Exists(path) ? ProvenanceLog.OpenForAppend(path, time).Log : new ProvenanceLog(path, time);
            _logs[runId] = log;
        }
        return log;
    }

    private string PathOf(string runId) =>
        Safety.RunIdRules.Problem(runId) is { } problem ? throw new ArgumentException($"run id '{runId}': {problem}", nameof(runId)) : Path.Combine(folder, runId + ".provenance.jsonl");
}
