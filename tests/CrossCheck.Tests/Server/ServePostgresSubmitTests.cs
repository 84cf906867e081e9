using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;
using Npgsql;

namespace CrossCheck.Tests.Server;

/// <summary>The PostgreSQL profile in-process (skipped without CROSSCHECK_TEST_POSTGRES): a run submitted, checked and kept in the database.</summary>
[Collection("serve")]
public sealed class ServePostgresSubmitTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [PostgresFact]
    public async Task Postgres_Submit_CompletesAndKeepsTheRunInTheDatabase()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        await using var emulator = new ProviderEmulator(new PanelScript { VerdictFor = PanelScript.SampleVerdict }.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        string id;
        await using (var server = await ServerHarness.StartAsync(_temp.File("data"), emulator.Environment(), o =>
        {
            o.Store = db.ConnectionString;
            o.SharedRequestsPerSecond["google"] = 1000;
            o.SharedRequestsPerSecond["anthropic"] = 1000;
            o.ResponseCache = true;
        }))
        {
            using var alice = server.Client(ServerHarness.AliceToken);
            id = await ServeApi.SubmitAsync(alice, essay, source, new Dictionary<string, string> { ["panel"] = "anthropic:claude-opus-4-6", ["extract"] = "false" });
            var run = await ServeApi.WaitForAsync(alice, id, ServeApi.Finished);
            Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
            Assert.Contains("C1", await alice.GetStringAsync($"api/runs/{id}/artifacts/matrix.csv"), StringComparison.Ordinal);
        }
        await using var dataSource = db.DataSource();
        await using var command = dataSource.CreateCommand("SELECT status, attempt, lease_owner IS NULL FROM crosscheck_runs WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("succeeded", reader.GetString(0));
        Assert.Equal(1, reader.GetInt32(1));
        Assert.True(reader.GetBoolean(2), "a finished run keeps no lease");
        await reader.DisposeAsync();
        // Every call to a provider with a shared limit went through its bucket in the database.
        await using var buckets = dataSource.CreateCommand("SELECT string_agg(provider, ',' ORDER BY provider) FROM crosscheck_rate_buckets");
        Assert.Equal("anthropic", await buckets.ExecuteScalarAsync());
        // The answers it paid for are in the shared response cache, for every process on this database.
        await using var responses = dataSource.CreateCommand("SELECT count(*) FROM crosscheck_responses WHERE provider = 'anthropic'");
        Assert.True((long)(await responses.ExecuteScalarAsync())! > 0, "no answer in the shared response cache");
    }
}
