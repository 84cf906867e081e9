using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;
using Npgsql;

namespace CrossCheck.Tests.Server;

/// <summary>
/// The PostgreSQL profile end to end (skipped without CROSSCHECK_TEST_POSTGRES): two `serve` processes on one database,
/// the one running the run killed by SIGKILL mid-claim. Child processes only, so it runs beside the "serve" collection
/// (whose in-process servers share Hangfire's one job storage); the in-process run is <see cref="ServePostgresSubmitTests"/>.
/// </summary>
[StartEarly]
public sealed class ServePostgresTests : IDisposable
{
    private const string Panel = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro";

    private static readonly string KeyA = FakeKeys.Sk("emulated-test-key-0013");
    private static readonly string KeyB = FakeKeys.Sk("emulated-test-key-0014");

    /// <summary>Claims of the killed run: three times the four in flight (two workers a process), so many are left when one process dies.</summary>
    private const int ClaimCount = 12;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [PostgresFact]
    public async Task TwoServes_OneKilledMidClaim_TheOtherFinishesTheRunWithTheSameMatrixAndNoRecordedCallSentAgain()
    {
        var essay = _temp.Write("essay.md", Claims(ClaimCount));
        var (_, source) = SampleGenerator.Write(_temp.File("sample"));
        var script = new PanelScript();
        await using var db = await PostgresDatabase.CreateAsync();
        // Each answer takes 50 ms, then passes a gate the test closes before the kill: a process with an answer held
        // there is mid-claim (its claim cannot finish), so the process killed then leaves a leased claim unfinished.
        var gate = new AnswerGate();
        await using var emulator = new ProviderEmulator(async r =>
        {
            await Task.Delay(50);
            await gate.PassAsync(r);
            return script.Answer(r);
        });
        Dictionary<string, string> Env(string key, string cache) => new(PanelScript.Env(emulator, key))
        {
            ["CrossCheck__Serve__InvisibilityTimeoutSeconds"] = "5",
            // No response cache (the profile's is shared in PostgreSQL): only the run's log can spare a call the killed process paid for.
            ["CrossCheck__CachePath"] = _temp.File(cache),
            ["CrossCheck__Serve__ResponseCache"] = "false",
        };
        string[] args = ["--data", "data", "--store", db.ConnectionString, "--allow-anonymous-localhost", "--workers", "2"];
        // The same essay is checked once by `check` (the matrix to expect) while the two processes start and serve it.
        var starting = new[] { ServeProcess.StartAsync(_temp.Path, Env(KeyA, "cache-a.db"), args), ServeProcess.StartAsync(_temp.Path, Env(KeyB, "cache-b.db"), args) };
        var clean = Task.Run(async () =>
        {
            await using var emulatorOfCheck = new ProviderEmulator(script.Answer);
            var run = CliRunner.Run(_temp.Path, PanelScript.Env(emulatorOfCheck, FakeKeys.Sk("emulated-test-key-0013")), "check", essay, "--source", source, "--out", "clean", "--run-id", "x", "--panel", Panel, "--no-extract", "--quiet", "--no-cache");
            Assert.True(run.ExitCode == 0, run.StdErr);
            return File.ReadAllText(Path.Combine(_temp.Path, "clean", "x", "matrix.csv"));
        });
        await using var a = await starting[0];
        await using var b = await starting[1];
        using var client = a.Client();
        var id = await ServeApi.SubmitAsync(client, essay, source, new Dictionary<string, string> { ["panel"] = Panel, ["extract"] = "false" });
        // The run's chain is in the database while its claims are checked, appended by both processes: a quarter of the
        // run's calls in (four claims in flight, each its panel's several calls), most claims are still to take.
        await WaitForCallsAsync(db, id, ClaimCount);
        gate.Close();
        var (victim, survivor) = await MidClaimAsync(db, id, gate, (a, KeyA), (b, KeyB));
        await victim.KillAsync();
        // The chain first, then the count: the survivor goes on calling, and a call it sends and records while the chain
        // is read must count as sent before (it was, once), not as a recorded call sent again.
        var recorded = LogFixtures.RecordedUserContents(await ChainAsync(db, id, _temp.File("chain-at-kill.jsonl")));
        var sentBeforeKill = emulator.Requests.Count;
        gate.Open();

        using var other = survivor.Client();
        var done = await ServeApi.WaitForAsync(other, id, ServeApi.Finished, seconds: 300);

        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString() + survivor.Output);
        Assert.Equal(1, done.GetProperty("attempt").GetInt32());
        // The killed process's claims were taken again, each by a second attempt.
        var (claims, retaken) = await ClaimAttemptsAsync(db, id);
        Assert.Equal(ClaimCount, claims);
        Assert.True(retaken > 0, "no claim was taken a second time after the kill");
        Assert.Equal(await clean, await other.GetStringAsync($"api/runs/{id}/artifacts/matrix.csv"));
        var repeated = emulator.Requests.Skip(sentBeforeKill).Select(r => r.Parsed).OfType<EmulatedRequest>().Count(r => recorded.Contains(LogFixtures.Key(r)));
        Assert.True(repeated == 0, $"{repeated} call(s) recorded before the kill were sent again: " + string.Join(" | ", emulator.Requests.Skip(sentBeforeKill).Select(r => r.Parsed).OfType<EmulatedRequest>().Where(r => recorded.Contains(LogFixtures.Key(r))).Select(r => LogFixtures.Key(r)[..Math.Min(300, LogFixtures.Key(r).Length)])) + "\n" + survivor.Output);
        var verify = CliRunner.Run(_temp.Path, "verify-log", Path.Combine(_temp.Path, "data", "runs", id));
        Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);
    }

    /// <summary>An essay of <paramref name="count"/> distinct checkable sentences (numbers), each its own claim.</summary>
    internal static string Claims(int count)
    {
        var text = new StringBuilder("# Numbered claims\n\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Evaluation {i} of the Halcyon-3 card reports a refusal rate of {i + 40}% on test set {i * 7}. ");
            if (i % 5 == 0)
            {
                text.Append("\n\n");
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// The process to kill (and the other): one with an answer held at the closed gate, so a claim of its own is part-way
    /// through its calls, and with a live lease on one of the run's pending claims.
    /// </summary>
    private static async Task<(ServeProcess Victim, ServeProcess Survivor)> MidClaimAsync(PostgresDatabase db, string id, AnswerGate gate, (ServeProcess Process, string Key) a, (ServeProcess Process, string Key) b)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var owners = await ClaimLeaseOwnersAsync(db, id);
            foreach (var (one, other) in new[] { (a, b), (b, a) })
            {
                if (gate.Held(one.Key) > 0 && owners.Contains($":{one.Process.Pid}:", StringComparison.Ordinal))
                {
                    return (one.Process, other.Process);
                }
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"no process was part-way through a claim it leases within 3 minutes (held: {gate.Held(a.Key)}, {gate.Held(b.Key)})");
    }

    /// <summary>The owners of live leases on the run's pending claims (processes checking a claim now), comma-separated.</summary>
    private static async Task<string> ClaimLeaseOwnersAsync(PostgresDatabase db, string id)
    {
        await using var dataSource = db.DataSource();
        await using var command = dataSource.CreateCommand(
            "SELECT coalesce(string_agg(DISTINCT lease_owner, ','), '') FROM crosscheck_claims WHERE run_id = $1 AND state = 'pending' AND lease_until > clock_timestamp()");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(long Claims, long Retaken)> ClaimAttemptsAsync(PostgresDatabase db, string id)
    {
        await using var dataSource = db.DataSource();
        await using var command = dataSource.CreateCommand("SELECT count(*), count(*) FILTER (WHERE attempt > 1) FROM crosscheck_claims WHERE run_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The run's chain so far, as a log file.</summary>
    private static async Task<string> ChainAsync(PostgresDatabase db, string id, string path)
    {
        await using var dataSource = db.DataSource();
        await using var command = dataSource.CreateCommand("SELECT line FROM crosscheck_provenance WHERE run_id = $1 ORDER BY seq");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    private static async Task WaitForCallsAsync(PostgresDatabase db, string id, int count)
    {
        await using var dataSource = db.DataSource();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM crosscheck_provenance WHERE run_id = $1 AND line LIKE '%\"type\":\"model_call\"%'");
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            if ((long)(await command.ExecuteScalarAsync())! >= count && await ClaimLeaseOwnersAsync(db, id) is { Length: > 0 })
            {
                return;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"fewer than {count} model calls in run {id}'s chain after 3 minutes");
    }
    /// <summary>Holds the emulator's answers while closed, counting the held ones by the API key that sent them (one key a process).</summary>
    private sealed class AnswerGate
    {
        private readonly ConcurrentDictionary<string, int> _held = new(StringComparer.Ordinal);
        private TaskCompletionSource _open = Opened();

        public void Close() => Volatile.Write(ref _open, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        public void Open() => Volatile.Read(ref _open).TrySetResult();

        public int Held(string key) => _held.GetValueOrDefault(key);

        public async Task PassAsync(EmulatedRequest request)
        {
            var open = Volatile.Read(ref _open).Task;
            if (open.IsCompleted)
            {
                return;
            }
            var key = request.Header("x-api-key") ?? request.Header("Authorization")?.Split(' ')[^1] ?? "";
            _held.AddOrUpdate(key, 1, (_, n) => n + 1);
            await open;
        }

        private static TaskCompletionSource Opened()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }
    }
}
