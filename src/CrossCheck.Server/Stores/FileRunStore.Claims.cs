using System.Text.Json;
using CrossCheck.Server.Runs;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The claims of planned runs in the embedded profile: each run's claims (state and attempt) in one JSON file under
/// <c>&lt;data&gt;/claims</c>, replaced atomically on every change, so a restart knows which claims are done; leases
/// live in memory (one process owns the folder, and a restart leaves no live worker behind).
/// </summary>
public sealed partial class FileRunStore
{
    private readonly Dictionary<string, List<ClaimRow>> _claims = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Run, string Claim), (string Worker, DateTimeOffset Until)> _claimLeases = [];
    private readonly Lock _claimLock = new();

    public Task AddClaimsAsync(string runId, IReadOnlyList<string> claimIds, CancellationToken cancellationToken)
    {
        lock (_claimLock)
        {
            var rows = ClaimsOf(runId);
            foreach (var id in claimIds.Where(id => !rows.Exists(r => r.ClaimId == id)))
            {
                rows.Add(new ClaimRow(id, ClaimRow.Pending, 0, null));
            }
            SaveClaims(runId, rows);
        }
        return Task.CompletedTask;
    }

    public Task<ClaimTake> TryLeaseClaimAsync(string runId, string claimId, string worker, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_claimLock)
        {
            var rows = ClaimsOf(runId);
            var at = rows.FindIndex(r => r.ClaimId == claimId);
            if (at < 0 || rows[at].State != ClaimRow.Pending)
            {
                return Task.FromResult(new ClaimTake(null, true, TimeSpan.Zero));
            }
            var now = _time.GetUtcNow();
            if (_claimLeases.TryGetValue((runId, claimId), out var lease) && lease.Worker != worker && lease.Until > now)
            {
                return Task.FromResult(new ClaimTake(null, false, lease.Until - now));
            }
            _claimLeases[(runId, claimId)] = (worker, now + duration);
            rows[at] = rows[at] with { Attempt = rows[at].Attempt + 1, LeaseOwner = worker };
            SaveClaims(runId, rows);
            return Task.FromResult(new ClaimTake(rows[at].Attempt, false, TimeSpan.Zero));
        }
    }

    public Task RenewClaimLeasesAsync(string runId, string worker, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_claimLock)
        {
            var until = _time.GetUtcNow() + duration;
            foreach (var key in _claimLeases.Where(l => l.Key.Run == runId && l.Value.Worker == worker).Select(l => l.Key).ToArray())
            {
                _claimLeases[key] = (worker, until);
            }
        }
        return Task.CompletedTask;
    }

    public Task ReleaseClaimAsync(string runId, string claimId, string worker, CancellationToken cancellationToken)
    {
        lock (_claimLock)
        {
            if (_claimLeases.TryGetValue((runId, claimId), out var lease) && lease.Worker == worker)
            {
                _claimLeases.Remove((runId, claimId));
            }
        }
        return Task.CompletedTask;
    }

    public Task<int> CompleteClaimAsync(string runId, string claimId, string state, CancellationToken cancellationToken)
    {
        lock (_claimLock)
        {
            var rows = ClaimsOf(runId);
            var at = rows.FindIndex(r => r.ClaimId == claimId && r.State == ClaimRow.Pending);
            if (at >= 0)
            {
                rows[at] = rows[at] with { State = state, LeaseOwner = null };
                _claimLeases.Remove((runId, claimId));
                SaveClaims(runId, rows);
            }
            return Task.FromResult(rows.Count(r => r.State == ClaimRow.Pending));
        }
    }

    public Task<IReadOnlyList<ClaimRow>> ClaimsAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_claimLock)
        {
            return Task.FromResult<IReadOnlyList<ClaimRow>>([.. ClaimsOf(runId)]);
        }
    }

    private string ClaimsFile(string runId) =>
        Safety.RunIdRules.Problem(runId) is { } problem ? throw new ArgumentException($"run id '{runId}': {problem}", nameof(runId)) : Path.Combine(_claimsFolder, runId + ".json");

    private List<ClaimRow> ClaimsOf(string runId)
    {
        if (!_claims.TryGetValue(runId, out var rows))
        {
            var path = ClaimsFile(runId);
            // Leases do not survive a restart: a claim's owner is shown only while its lease lives.
            rows = File.Exists(path) ? [.. (JsonSerializer.Deserialize<List<ClaimRow>>(File.ReadAllText(path), ServeJson.Options) ?? []).Select(r => r with { LeaseOwner = null })] : [];
            _claims[runId] = rows;
        }
        return rows;
    }

    private void SaveClaims(string runId, List<ClaimRow> rows)
    {
        var path = ClaimsFile(runId);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(rows, ServeJson.Options));
        File.Move(temp, path, overwrite: true);
    }
}
