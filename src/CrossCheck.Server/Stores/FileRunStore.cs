using System.Collections.Concurrent;
using System.Text.Json;
using CrossCheck.Server.Runs;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The embedded profile's run store: one JSON file per run under <c>&lt;data&gt;/records</c>, replaced atomically
/// (written beside, then renamed), read back on start. One process owns the folder, so leases live in memory.
/// </summary>
public sealed partial class FileRunStore : IRunStore
{
    private readonly string _folder;
    private readonly ConcurrentDictionary<string, RunRecord> _runs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly ConcurrentDictionary<string, (string Worker, DateTimeOffset Until)> _leases = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly string _claimsFolder;

    public FileRunStore(string dataRoot, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _folder = Path.Combine(dataRoot, "records");
        Directory.CreateDirectory(_folder);
        _claimsFolder = Path.Combine(dataRoot, "claims");
        Directory.CreateDirectory(_claimsFolder);
        foreach (var file in Directory.EnumerateFiles(_folder, "*.json"))
        {
            try
            {
                if (JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(file), ServeJson.Options) is { } run)
                {
                    _runs[run.Id] = run;
                }
            }
            catch (JsonException)
            {
                // A record cut by a crash mid-write cannot happen (writes are renamed into place); anything else unreadable is skipped, not fatal.
            }
        }
    }

    public async Task<bool> CreateAsync(RunRecord run, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_runs.TryAdd(run.Id, run))
            {
                return false;
            }
            Save(run);
            return true;
        }
        finally
        {
            _write.Release();
        }
    }

    public Task<RunRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_runs.TryGetValue(id, out var run) ? run : null);

    public Task<IReadOnlyList<RunRecord>> ListAsync(string? owner, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RunRecord>>([.. _runs.Values.Where(r => owner is null || r.Owner == owner).OrderByDescending(r => r.Created).ThenByDescending(r => r.Id, StringComparer.Ordinal)]);

    public async Task<RunRecord?> UpdateAsync(string id, Func<RunRecord, RunRecord> change, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_runs.TryGetValue(id, out var current))
            {
                return null;
            }
            var next = change(current);
            _runs[id] = next;
            Save(next);
            return next;
        }
        finally
        {
            _write.Release();
        }
    }

    public Task<IReadOnlyList<RunRecord>> UnfinishedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RunRecord>>([.. _runs.Values.Where(r => !r.Finished).OrderBy(r => r.Created)]);

    public async Task<int?> TryLeaseAsync(string id, string worker, TimeSpan duration, CancellationToken cancellationToken, bool counted = true)
    {
        var now = _time.GetUtcNow();
        int? attempt = null;
        await UpdateAsync(id, r =>
        {
            if (r.Finished || (_leases.TryGetValue(id, out var lease) && lease.Worker != worker && lease.Until > now))
            {
                return r;
            }
            _leases[id] = (worker, now + duration);
            attempt = r.Attempt + (counted ? 1 : 0);
            return r with { Attempt = attempt.Value, Status = RunStatus.Running, Updated = now };
        }, cancellationToken).ConfigureAwait(false);
        return attempt;
    }

    public Task RenewLeaseAsync(string id, string worker, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (_leases.TryGetValue(id, out var lease) && lease.Worker == worker)
        {
            _leases[id] = (worker, _time.GetUtcNow() + duration);
        }
        return Task.CompletedTask;
    }

    public Task ReleaseLeaseAsync(string id, string worker, CancellationToken cancellationToken)
    {
        if (_leases.TryGetValue(id, out var lease) && lease.Worker == worker)
        {
            _leases.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(id, lease));
        }
        return Task.CompletedTask;
    }

    private void Save(RunRecord run)
    {
        var path = Path.Combine(_folder, run.Id + ".json");
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(run, ServeJson.Options));
        File.Move(temp, path, overwrite: true);
    }
}
