using CrossCheck.Server.Runs;

namespace CrossCheck.Server.Stores;

/// <summary>
/// Where submitted runs and their progress are kept: run folders on disk (embedded profile) or PostgreSQL (shared
/// by several processes). Changes go through <see cref="UpdateAsync"/>, which applies one change atomically.
/// </summary>
public interface IRunStore
{
    /// <summary>Adds a new run; false when the id is taken.</summary>
    Task<bool> CreateAsync(RunRecord run, CancellationToken cancellationToken);

    Task<RunRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Newest first; only <paramref name="owner"/>'s runs unless null.</summary>
    Task<IReadOnlyList<RunRecord>> ListAsync(string? owner, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the current record and saves it; null when there is no such run.</summary>
    Task<RunRecord?> UpdateAsync(string id, Func<RunRecord, RunRecord> change, CancellationToken cancellationToken);

    /// <summary>Queued or running runs: what a restart has to pick up again.</summary>
    Task<IReadOnlyList<RunRecord>> UnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes an unfinished run for <paramref name="worker"/> for <paramref name="duration"/>, marks it running and
    /// counts the attempt. Null while another worker's lease is live (it is running the run) or the run is finished.
    /// </summary>
    Task<int?> TryLeaseAsync(string id, string worker, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Extends <paramref name="worker"/>'s lease (a heartbeat while the run is running).</summary>
    Task RenewLeaseAsync(string id, string worker, TimeSpan duration, CancellationToken cancellationToken);

    Task ReleaseLeaseAsync(string id, string worker, CancellationToken cancellationToken);
}
