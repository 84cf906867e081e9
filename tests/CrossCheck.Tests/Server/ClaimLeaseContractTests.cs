using CrossCheck.Server.Runs;
using CrossCheck.Server.Stores;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Server;

/// <summary>
/// The claims of a planned run in the run store, the same contract on both profiles (PostgreSQL through two data
/// sources, as two processes): one worker at a time holds a claim's lease, attempts are counted, a dead worker's
/// claim is free once its lease expires, and of claims completed at once exactly one completion sees none pending.
/// </summary>
public sealed class ClaimLeaseContractTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public Task Embedded_ClaimLeases_KeepTheContract()
    {
        var store = new FileRunStore(_temp.Path);
        return ClaimContract(store, store, () => new FileRunStore(_temp.Path));
    }

    [PostgresFact]
    public async Task Postgres_ClaimLeases_KeepTheContractAcrossProcesses()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        await using var one = db.DataSource();
        await using var two = db.DataSource();
        await PgSchema.MigrateAsync(one, CancellationToken.None);
        await ClaimContract(new PgRunStore(one), new PgRunStore(two), () => new PgRunStore(two));
    }

    private static async Task ClaimContract(IRunStore one, IRunStore two, Func<IRunStore> reopen)
    {
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        Assert.True(await one.CreateAsync(new RunRecord { Id = "r1", Owner = "alice", Created = now, Updated = now, Submission = new RunSubmission { Essay = "e.md", Sources = ["s.md"] } }, default));
        string[] ids = [.. Enumerable.Range(1, 20).Select(i => $"C{i}")];
        await one.AddClaimsAsync("r1", ids, default);
        await two.AddClaimsAsync("r1", ["C1", "C2"], default);
        Assert.Equal(ids, (await two.ClaimsAsync("r1", default)).Select(c => c.ClaimId));
        Assert.All(await one.ClaimsAsync("r1", default), c => Assert.Equal((ClaimRow.Pending, 0), (c.State, c.Attempt)));

        // One worker at a time; the other learns the lease is live and for how long.
        Assert.Equal(1, (await one.TryLeaseClaimAsync("r1", "C1", "w1", TimeSpan.FromMinutes(5), default)).Attempt);
        var refused = await two.TryLeaseClaimAsync("r1", "C1", "w2", TimeSpan.FromMinutes(5), default);
        Assert.False(refused.Taken);
        Assert.False(refused.Done);
        Assert.InRange(refused.LeaseLeft, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        await two.ReleaseClaimAsync("r1", "C1", "w2", default);
        Assert.False((await two.TryLeaseClaimAsync("r1", "C1", "w2", TimeSpan.FromMinutes(5), default)).Taken);
        await one.ReleaseClaimAsync("r1", "C1", "w1", default);
        Assert.Equal(2, (await two.TryLeaseClaimAsync("r1", "C1", "w2", TimeSpan.FromMinutes(5), default)).Attempt);

        // A dead worker's lease runs out and the claim is taken again, its attempt counted; a renewed one does not.
        Assert.Equal(1, (await one.TryLeaseClaimAsync("r1", "C2", "dead", TimeSpan.FromMilliseconds(1), default)).Attempt);
        Assert.Equal(1, (await one.TryLeaseClaimAsync("r1", "C3", "alive", TimeSpan.FromMilliseconds(300), default)).Attempt);
        await one.RenewClaimLeasesAsync("r1", "alive", TimeSpan.FromMinutes(5), default);
        await Task.Delay(400);
        Assert.Equal(2, (await two.TryLeaseClaimAsync("r1", "C2", "w2", TimeSpan.FromMinutes(5), default)).Attempt);
        Assert.False((await two.TryLeaseClaimAsync("r1", "C3", "w2", TimeSpan.FromMinutes(5), default)).Taken);
        Assert.Contains(await two.ClaimsAsync("r1", default), c => c.ClaimId == "C3" && c.LeaseOwner == "alive");

        // Every claim completed at once, from both stores: exactly one completion counts none pending.
        var left = await Task.WhenAll(ids.Select((id, i) => Task.Run(() => (i % 2 == 0 ? one : two).CompleteClaimAsync("r1", id, i == 5 ? ClaimRow.Unchecked : ClaimRow.Checked, default))));
        Assert.Single(left, n => n == 0);
        Assert.Equal(ids.Length, left.Distinct().Count());
        Assert.Equal(0, await one.CompleteClaimAsync("r1", "C1", ClaimRow.Checked, default));
        var done = await two.TryLeaseClaimAsync("r1", "C4", "w9", TimeSpan.FromMinutes(5), default);
        Assert.True(done.Done);
        Assert.False(done.Taken);

        // What was saved is what a new process reads.
        var rows = await reopen().ClaimsAsync("r1", default);
        Assert.Equal(ClaimRow.Unchecked, rows.Single(c => c.ClaimId == "C6").State);
        Assert.Equal(2, rows.Single(c => c.ClaimId == "C2").Attempt);
        Assert.All(rows, c => Assert.NotEqual(ClaimRow.Pending, c.State));
    }
}
