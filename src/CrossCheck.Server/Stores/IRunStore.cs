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
    /// counts the attempt (unless <paramref name="counted"/> is false: finishing a planned run is not a new attempt at it).
    /// Null while another worker's lease is live (it is running the run) or the run is finished.
    /// </summary>
    Task<int?> TryLeaseAsync(string id, string worker, TimeSpan duration, CancellationToken cancellationToken, bool counted = true);

    /// <summary>Extends <paramref name="worker"/>'s lease (a heartbeat while the run is running).</summary>
    Task RenewLeaseAsync(string id, string worker, TimeSpan duration, CancellationToken cancellationToken);

    Task ReleaseLeaseAsync(string id, string worker, CancellationToken cancellationToken);

    /// <summary>The claims a planned run hands out, each <see cref="ClaimRow.Pending"/> (ids already there are kept as they are).</summary>
    Task AddClaimsAsync(string runId, IReadOnlyList<string> claimIds, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a pending claim's lease for <paramref name="worker"/> and counts the attempt: so one worker at a time
    /// checks it, and a dead worker's claim is free again once its lease has expired.
    /// </summary>
    Task<ClaimTake> TryLeaseClaimAsync(string runId, string claimId, string worker, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Extends every lease <paramref name="worker"/> holds on the run's claims (the heartbeat of the claims in flight).</summary>
    Task RenewClaimLeasesAsync(string runId, string worker, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives up <paramref name="worker"/>'s lease on a claim it did not finish (shutdown), so another worker may take it at once.</summary>
    Task ReleaseClaimAsync(string runId, string claimId, string worker, CancellationToken cancellationToken);

    /// <summary>Marks a pending claim done with <paramref name="state"/>; returns how many of the run's claims are still pending (0: the run can be finished).</summary>
    Task<int> CompleteClaimAsync(string runId, string claimId, string state, CancellationToken cancellationToken);

    /// <summary>The run's claims in the order they were added.</summary>
    Task<IReadOnlyList<ClaimRow>> ClaimsAsync(string runId, CancellationToken cancellationToken);
}
