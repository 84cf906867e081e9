using CrossCheck.Server.Runs;
using CrossCheck.Server.Stores;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Server;

/// <summary>
/// The same contract for both storage profiles: the embedded one (files, in-process gate) always; PostgreSQL when
/// CROSSCHECK_TEST_POSTGRES is set. Each case takes the stores as arguments, so the two run the same assertions.
/// </summary>
public sealed class StoreContractTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public Task Embedded_RunStore_KeepsTheContract() => RunStoreContract(new FileRunStore(_temp.Path), () => new FileRunStore(_temp.Path));

    [PostgresFact]
    public async Task Postgres_RunStore_KeepsTheContract()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        await using var dataSource = db.DataSource();
        Assert.Equal(PgSchema.Latest, await PgSchema.MigrateAsync(dataSource, CancellationToken.None));
        Assert.Equal(PgSchema.Latest, await PgSchema.MigrateAsync(dataSource, CancellationToken.None));
        await RunStoreContract(new PgRunStore(dataSource), () => new PgRunStore(dataSource));
    }

    [Fact]
    public Task Embedded_RateGate_SpacesReservationsByTheRate() => RateGateContract(new LocalRateGate(TimeProvider.System), new LocalRateGate(TimeProvider.System), shared: false);

    [PostgresFact]
    public async Task Postgres_RateGate_SpacesReservationsByTheRateAcrossGates()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        await using var one = db.DataSource();
        await using var two = db.DataSource();
        await PgSchema.MigrateAsync(one, CancellationToken.None);
        await RateGateContract(new PgRateGate(one), new PgRateGate(two), shared: true);
    }

    [Fact]
    public Task Embedded_ResponseStore_KeepsTheContract() =>
        ResponseStoreContract(new CrossCheck.Caching.ResponseCache(_temp.File("responses.db")), new CrossCheck.Caching.ResponseCache(_temp.File("responses.db")));

    [PostgresFact]
    public async Task Postgres_ResponseStore_KeepsTheContractAcrossProcesses()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        await using var one = db.DataSource();
        await using var two = db.DataSource();
        await PgSchema.MigrateAsync(one, CancellationToken.None);
        await ResponseStoreContract(new PgResponseStore(one, TimeProvider.System), new PgResponseStore(two, TimeProvider.System));
    }

    [Fact]
    public async Task Embedded_ProvenanceChain_KeepsTheContract()
    {
        var folder = _temp.File("chains");
        using (var chain = new FileProvenanceChain(folder, TimeProvider.System))
        {
            await ProvenanceChainContract(chain, chain);
        }
        // Opened again (a restart), the file goes on from where it ended.
        using var again = new FileProvenanceChain(folder, TimeProvider.System);
        await ChainContinues(again);
    }

    [PostgresFact]
    public async Task Postgres_ProvenanceChain_KeepsTheContractAcrossProcesses()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        await using var one = db.DataSource();
        await using var two = db.DataSource();
        await PgSchema.MigrateAsync(one, CancellationToken.None);
        await ProvenanceChainContract(new PgProvenanceChain(one, TimeProvider.System), new PgProvenanceChain(two, TimeProvider.System));
        await ChainContinues(new PgProvenanceChain(two, TimeProvider.System));
    }

    /// <summary>Four writers at once, two through each of <paramref name="one"/> and <paramref name="two"/> (two processes on one store): one chain that verify-log accepts.</summary>
    private async Task ProvenanceChainContract(IProvenanceChain one, IProvenanceChain two)
    {
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < 25; i++)
            {
                mine.Add((await (w % 2 == 0 ? one : two).AppendAsync("run-a", "model_call", new { writer = w, call = i, text = "ünïcode \"quoted\"" }, default)).Sequence);
            }
            return mine;
        }));
        var sequences = (await Task.WhenAll(writers)).SelectMany(s => s).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), sequences);
        var (first, _) = await one.AppendAsync("run-b", "run_start", new { other = true }, default);
        Assert.Equal(0, first);

        var path = _temp.File("run-a.provenance.jsonl");
        Assert.Equal(100, await two.ExportAsync("run-a", path, default));
        var verified = CrossCheck.Provenance.ProvenanceVerifier.Verify(path);
        Assert.True(verified.ChainHolds, verified.ToString());
        Assert.Equal(100, verified.Records);
        var cli = CliRunner.Run(_temp.Path, "verify-log", path);
        Assert.True(cli.ExitCode == 0, cli.StdOut + cli.StdErr);
        // Each writer's records are in its own order within the one chain.
        var lines = File.ReadAllLines(path).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("data")).ToArray();
        for (var w = 0; w < 4; w++)
        {
            var calls = lines.Where(d => d.GetProperty("writer").GetInt32() == w).Select(d => d.GetProperty("call").GetInt32()).ToArray();
            Assert.Equal(Enumerable.Range(0, 25), calls);
        }
    }

    /// <summary>A chain opened anew continues the one it finds: the next record follows the last, and the export still verifies.</summary>
    private async Task ChainContinues(IProvenanceChain chain)
    {
        var (sequence, hash) = await chain.AppendAsync("run-a", "run_resumed", new { after = 100 }, default);
        Assert.Equal(100, sequence);
        var path = _temp.File("run-a-again.provenance.jsonl");
        Assert.Equal(101, await chain.ExportAsync("run-a", path, default));
        var verified = CrossCheck.Provenance.ProvenanceVerifier.Verify(path);
        Assert.True(verified.ChainHolds, verified.ToString());
        Assert.Equal(hash, verified.LastHash);
    }

    [Fact]
    public Task Embedded_BudgetGate_KeepsTheContract()
    {
        var gate = new LocalBudgetGate();
        return BudgetGateContract(gate, gate);
    }

    [PostgresFact]
    public async Task Postgres_BudgetGate_KeepsTheContractAcrossProcesses()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        await using var one = db.DataSource();
        await using var two = db.DataSource();
        await PgSchema.MigrateAsync(one, CancellationToken.None);
        await BudgetGateContract(new PgBudgetGate(one), new PgBudgetGate(two));
    }

    private static async Task BudgetGateContract(IBudgetGate one, IBudgetGate two)
    {
        // 40 claims reserving $0.30 at once, through both openers, against a $3.00 limit: exactly 10 fit, never more.
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => (i % 2 == 0 ? one : two).TryReserveAsync("run-1", $"c{i}", 3.00m, 0.30m, default))));
        Assert.Equal(10, results.Count(r => r));
        Assert.Equal((0m, 3.00m), await one.GetAsync("run-1", default));
        var holders = Enumerable.Range(0, 40).Where(i => results[i]).Select(i => $"c{i}").ToArray();

        // A claim that cost less than its estimate frees the difference, and only that.
        await two.SettleAsync("run-1", holders[0], 0.10m, default);
        Assert.False(await one.TryReserveAsync("run-1", "d1", 3.00m, 0.30m, default));
        Assert.True(await one.TryReserveAsync("run-1", "d1", 3.00m, 0.20m, default));
        Assert.Equal((0.10m, 2.90m), await two.GetAsync("run-1", default));
        // Work that failed costs nothing.
        await one.SettleAsync("run-1", holders[1], 0m, default);
        Assert.Equal((0.10m, 2.60m), await two.GetAsync("run-1", default));

        // A later attempt at a claim whose worker died (never settled) takes the place of its reservation: $0.30 held
        // once, not twice; and it may reserve a different estimate.
        Assert.True(await two.TryReserveAsync("run-1", holders[2], 3.00m, 0.30m, default));
        Assert.Equal((0.10m, 2.60m), await one.GetAsync("run-1", default));
        Assert.True(await one.TryReserveAsync("run-1", holders[3], 3.00m, 0.50m, default));
        Assert.Equal((0.10m, 2.80m), await two.GetAsync("run-1", default));
        // One that no longer fits gives the dead attempt's reservation back and holds nothing.
        Assert.False(await two.TryReserveAsync("run-1", holders[4], 3.00m, 0.70m, default));
        Assert.Equal((0.10m, 2.50m), await one.GetAsync("run-1", default));
        // Settling takes the holder's own reservation, whatever it was.
        await one.SettleAsync("run-1", holders[3], 0.45m, default);
        Assert.Equal((0.55m, 2.00m), await two.GetAsync("run-1", default));

        // Each budget is its own.
        Assert.Equal((0m, 0m), await one.GetAsync("run-2", default));
        Assert.True(await two.TryReserveAsync("run-2", "c0", 0.50m, 0.50m, default));
        Assert.False(await one.TryReserveAsync("run-2", "c1", 0.50m, 0.01m, default));
        Assert.Equal((0.55m, 2.00m), await one.GetAsync("run-1", default));
    }

    /// <summary><paramref name="one"/> and <paramref name="two"/> are the same store opened twice (two processes sharing it).</summary>
    private static async Task ResponseStoreContract(CrossCheck.Caching.IResponseStore one, CrossCheck.Caching.IResponseStore two)
    {
        var panelist = new CrossCheck.Models.PanelistSpec("anthropic", "claude-opus-4-6", "claude");
        one.EnsureUsable();
        Assert.Null(await one.TryGetAsync("k1", default));
        Assert.False(await one.PutAsync("k1", panelist, new("  ", 10, 0, null, TimeSpan.Zero), default));
        Assert.Null(await two.TryGetAsync("k1", default));

        Assert.True(await one.PutAsync("k1", panelist, new("{\"verdict\":\"supported\"} — ünïcode", 120, 34, "2026-01-01", TimeSpan.FromSeconds(2)), default));
        var hit = await two.TryGetAsync("k1", default);
        Assert.NotNull(hit);
        Assert.Equal(("k1", "anthropic", "claude-opus-4-6", "{\"verdict\":\"supported\"} — ünïcode", 120, 34, "2026-01-01"), (hit.Key, hit.Provider, hit.Model, hit.Text, hit.InputTokens, hit.OutputTokens, hit.ModelVersion));
        Assert.True(DateTimeOffset.UtcNow - hit.CreatedAt < TimeSpan.FromMinutes(5), hit.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        // A later answer under the same key replaces the earlier one, for every reader.
        Assert.True(await two.PutAsync("k1", panelist, new("second", 1, 2, null, TimeSpan.Zero), default));
        var replaced = (await one.TryGetAsync("k1", default))!;
        Assert.Equal(("second", 1, 2, (string?)null), (replaced.Text, replaced.InputTokens, replaced.OutputTokens, replaced.ModelVersion));

        // Writers at once, from both: every answer is kept.
        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => (i % 2 == 0 ? one : two).PutAsync($"c{i}", panelist, new($"answer {i}", i, i, null, TimeSpan.Zero), default)));
        for (var i = 0; i < 24; i++)
        {
            Assert.Equal($"answer {i}", (await (i % 2 == 0 ? two : one).TryGetAsync($"c{i}", default))?.Text);
        }
    }

    private static async Task RunStoreContract(IRunStore store, Func<IRunStore> reopen)
    {
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        RunRecord Run(string id, string owner, int minutes) => new()
        {
            Id = id, Owner = owner, Created = now.AddMinutes(minutes), Updated = now,
            Submission = new RunSubmission { Essay = "essay/e.md", Sources = ["sources/1/s.pdf"], Panel = "anthropic:m", MaxCost = 1.5m },
        };
        Assert.True(await store.CreateAsync(Run("r1", "alice", 1), default));
        Assert.True(await store.CreateAsync(Run("r2", "bob", 2), default));
        Assert.True(await store.CreateAsync(Run("r3", "alice", 3), default));
        Assert.False(await store.CreateAsync(Run("r1", "bob", 9), default));

        Assert.Equal(["r3", "r2", "r1"], (await store.ListAsync(null, default)).Select(r => r.Id));
        Assert.Equal(["r3", "r1"], (await store.ListAsync("alice", default)).Select(r => r.Id));
        Assert.Equal("alice", (await store.GetAsync("r1", default))!.Owner);
        Assert.Null(await store.GetAsync("nope", default));
        Assert.Null(await store.UpdateAsync("nope", r => r, default));

        // Leases: one worker at a time, attempts counted, a lease taken again once it has expired or been released.
        Assert.Equal(1, await store.TryLeaseAsync("r1", "w1", TimeSpan.FromMinutes(5), default));
        Assert.Null(await store.TryLeaseAsync("r1", "w2", TimeSpan.FromMinutes(5), default));
        await store.ReleaseLeaseAsync("r1", "w2", default);
        Assert.Null(await store.TryLeaseAsync("r1", "w2", TimeSpan.FromMinutes(5), default));
        await store.ReleaseLeaseAsync("r1", "w1", default);
        Assert.Equal(2, await store.TryLeaseAsync("r1", "w2", TimeSpan.FromMilliseconds(1), default));
        await Task.Delay(50);
        Assert.Equal(3, await store.TryLeaseAsync("r1", "w3", TimeSpan.FromMinutes(5), default));
        var leased = (await store.GetAsync("r1", default))!;
        Assert.Equal(RunStatus.Running, leased.Status);
        Assert.Equal(3, leased.Attempt);

        // Concurrent changes are applied one after another, none lost.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => store.UpdateAsync("r2", r => r with { Done = r.Done + 1, Claims = [.. r.Claims, new ClaimProgress($"C{i}", "checked")] }, default)));
        var r2 = (await store.GetAsync("r2", default))!;
        Assert.Equal(20, r2.Done);
        Assert.Equal(20, r2.Claims.Count);

        await store.UpdateAsync("r3", r => r with { Status = RunStatus.Succeeded, Verdicts = new Dictionary<string, int> { ["supported"] = 2 }, Complete = true }, default);
        Assert.Null(await store.TryLeaseAsync("r3", "w1", TimeSpan.FromMinutes(5), default));
        Assert.Equal(["r1", "r2"], (await store.UnfinishedAsync(default)).Select(r => r.Id).Order());

        // What was saved is what a new process reads.
        var again = reopen();
        var r3 = (await again.GetAsync("r3", default))!;
        Assert.Equal(RunStatus.Succeeded, r3.Status);
        Assert.Equal(2, r3.Verdicts!["supported"]);
        Assert.Equal(1.5m, r3.Submission.MaxCost);
        Assert.Equal(["sources/1/s.pdf"], r3.Submission.Sources);
        Assert.Equal(now.AddMinutes(3), r3.Created);
    }

    private static async Task RateGateContract(IRateGate one, IRateGate two, bool shared)
    {
        const double Rate = 4;
        const double Burst = 2;
        var provider = "p" + Guid.NewGuid().ToString("n")[..8];
        // Reservations from two gates (two processes, for PostgreSQL) in a burst: after the first `Burst`, each may go
        // 1/rate after the one before it, whatever the load on this machine, because the gate's clock decides.
        var slots = new List<DateTimeOffset>();
        for (var i = 0; i < 12; i++)
        {
            slots.Add(await (i % 2 == 0 || !shared ? one : two).ReserveAsync(provider, Rate, Burst, default));
        }
        slots.Sort();
        var first = slots[0];
        for (var i = 0; i < slots.Count; i++)
        {
            // In any prefix, no more than Burst + Rate × elapsed requests are let through.
            var allowed = Burst + (Rate * (slots[i] - first).TotalSeconds) + 1e-6;
            Assert.True(i + 1 <= allowed + 1e-9, $"reservation {i + 1} at +{(slots[i] - first).TotalMilliseconds:0} ms exceeds the limit ({allowed:0.00})");
        }
        Assert.True(slots[^1] - first >= TimeSpan.FromSeconds((slots.Count - Burst) / Rate) - TimeSpan.FromMilliseconds(1), $"12 reservations spread over only {(slots[^1] - first).TotalMilliseconds:0} ms");
    }
}
