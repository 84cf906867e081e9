using System.Globalization;
using System.Text;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;
using Xunit.Abstractions;

namespace CrossCheck.Tests.Server;

/// <summary>
/// A provider's shared limit, measured where the provider would see it: two `serve` processes on one PostgreSQL,
/// each running its own run against the same provider account, and the requests counted at the emulator (stamped on
/// arrival). Skipped without CROSSCHECK_TEST_POSTGRES. It runs alone (<see cref="MeasuredAloneCollection"/>): in a full
/// suite on 2 cores, other tests starved the two processes and the rate they could send fell to 3.69 req/s, which says
/// nothing about the shared gate.
/// </summary>
[Collection(MeasuredAloneCollection.Name)]
public sealed class ServeSharedRateTests(ITestOutputHelper output) : IDisposable
{
    private const double Rate = 12;
    private const double Burst = 1;
    private const string Provider = "anthropic";
    private const int ClaimsPerRun = 8;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [PostgresFact]
    public async Task TwoServes_ShareOneProviderLimit_AsCountedAtTheEmulator()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var began = DateTimeOffset.UtcNow;
        var (_, source) = SampleGenerator.Write(_temp.File("sample"));
        await using var db = await PostgresDatabase.CreateAsync();
        var created = clock.Elapsed;
        // 200 ms an answer: each process alone asks for more than the shared limit (4 claims in flight per process, a
        // claim a job, up to 20 req/s), so the gate, not the demand, sets the pace.
        await using var emulator = new ProviderEmulator(r => new PanelScript().Answer(r).After(TimeSpan.FromMilliseconds(200)));
        string[] keys = [FakeKeys.Sk("emulated-rate-key-a"), FakeKeys.Sk("emulated-rate-key-b")];
        string[] args = ["--data", "data", "--store", db.ConnectionString, "--allow-anonymous-localhost", "--workers", "4"];
        var starting = new[] { ServeProcess.StartAsync(_temp.Path, Env(emulator, keys[0], "a"), args), ServeProcess.StartAsync(_temp.Path, Env(emulator, keys[1], "b"), args) };
        await using var a = await starting[0];
        await using var b = await starting[1];

        var started = clock.Elapsed;
        await BothWorkersUpAsync(db);
        var up = clock.Elapsed;
        // Two runs whose claims are jobs of their own: both processes take claims of both, 4 at a time each (a run's 8
        // claims are more than one process's workers, so neither run is checked by one process alone). Eight claims a run
        // at 12 req/s keep both processes calling together for about 4.3 s (more than 3 is asked below); at 6 req/s the
        // same run took 5 s longer, alone at the end of the suite, and measured the same (docs/benchmarks.md §10).
        using var ca = a.Client();
        using var cb = b.Client();
        var essays = new[] { _temp.Write("essay-1.md", Claims(ClaimsPerRun, 1)), _temp.Write("essay-2.md", Claims(ClaimsPerRun, 2)) };
        var form = new Dictionary<string, string> { ["panel"] = "anthropic:claude-opus-4-6", ["extract"] = "false" };
        var firstId = await ServeApi.SubmitAsync(ca, essays[0], source, form);
        await ServeApi.WaitForAsync(ca, firstId, r => r.GetProperty("status").GetString() != "queued", seconds: 120);
        var left = clock.Elapsed;
        var ids = new[] { firstId, await ServeApi.SubmitAsync(cb, essays[1], source, form) };
        foreach (var id in ids)
        {
            var run = await ServeApi.WaitForAsync(ca, id, ServeApi.Finished, seconds: 300);
            Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString() + a.Output + b.Output);
        }

        // What the two processes said (their job failures and retries, if any): one full run saw a claim's last call go
        // out 59 s after all the others, and the test still passed (docs/benchmarks.md §10).
        output.WriteLine($"process 1 said:\n{a.Output}\nprocess 2 said:\n{b.Output}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"database made after {created.TotalSeconds:0.00} s, both listening after {started.TotalSeconds:0.00} s, both job servers up after {up.TotalSeconds:0.00} s, the second run submitted after {left.TotalSeconds:0.00} s, both runs finished after {clock.Elapsed.TotalSeconds:0.00} s; the provider called from {(emulator.Requests.Min(r => r.Arrived) - began).TotalSeconds:0.00} s to {(emulator.Requests.Max(r => r.Arrived) - began).TotalSeconds:0.00} s"));
        var calls = emulator.Requests.Where(r => r.Parsed?.Provider == Provider).OrderBy(r => r.Arrived).ToArray();
        var times = calls.Select(r => (r.Arrived - calls[0].Arrived).TotalSeconds).ToArray();
        var report = $"{calls.Length} requests over {times[^1]:0.00} s; " + string.Join(", ", keys.Select((k, i) => $"process {i + 1}: {calls.Count(c => SentWith(c, k))} from {(calls.First(c => SentWith(c, k)).Arrived - calls[0].Arrived).TotalSeconds:0.0} s to {(calls.Last(c => SentWith(c, k)).Arrived - calls[0].Arrived).TotalSeconds:0.0} s"))
            + "; per second: " + string.Join(" ", times.GroupBy(t => (int)t).Select(g => g.Count()));

        // Both processes called the provider, and while both were calling: the limit was shared, not each process's own.
        var first = keys.Select(k => calls.First(c => SentWith(c, k)).Arrived).Max();
        var last = keys.Select(k => calls.Last(c => SentWith(c, k)).Arrived).Min();
        Assert.True(last - first > TimeSpan.FromSeconds(3), "the two processes did not call the provider at the same time: " + report + "\n" + a.Output + "\n" + b.Output);
        Assert.All(keys, k => Assert.True(calls.Count(c => SentWith(c, k)) >= calls.Length / 5, report));

        // The rate while both processes were calling (each asks for more than the limit then): one request every 1/rate seconds.
        var shared = calls.Where(c => c.Arrived >= first && c.Arrived <= last).Select(c => (c.Arrived - first).TotalSeconds).ToArray();
        var measured = (shared.Length - 1) / shared[^1];
        report += string.Create(CultureInfo.InvariantCulture, $"; {shared.Length} while both called, over {shared[^1]:0.00} s");
        Assert.True(Math.Abs(measured - Rate) <= 0.05 * Rate, $"measured {measured:0.00} req/s against a limit of {Rate}: {report}");
        // Never above the limit by more than one burst, in any one-second window while both processes were calling.
        // (Reported, not asserted: the whole run's busiest second. A cold process's first requests can leave the gate
        // spaced and still reach the emulator together, held up behind connection set-up and JIT: 6 in the first second,
        // from process 1 alone, at load average 40. That is one process's start-up, not the shared limit giving way.)
        var busiest = shared.Select((t, i) => shared.Skip(i).TakeWhile(u => u < t + 1.0).Count()).Max();
        var busiestOverall = times.Select((t, i) => times.Skip(i).TakeWhile(u => u < t + 1.0).Count()).Max();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"measured {measured:0.00} req/s (limit {Rate}), busiest second while both called {busiest}, over the whole run {busiestOverall} (limit + burst {Rate + Burst}): {report}"));
        Assert.True(busiest <= Rate + Burst, $"{busiest} requests in one second against a limit of {Rate} and a burst of {Burst} while both processes called: {report}");
    }

    /// <summary>
    /// A process prints its address before its job server has registered and started fetching (seconds later on a
    /// loaded machine); a run submitted before then waits in the queue. Both must be fetching for the runs to overlap.
    /// </summary>
    private static async Task BothWorkersUpAsync(PostgresDatabase db)
    {
        await using var dataSource = db.DataSource();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT count(*) FROM hangfire.server");
                if ((long)(await command.ExecuteScalarAsync())! >= 2)
                {
                    return;
                }
            }
            catch (Npgsql.PostgresException)
            {
                // The job schema is not made yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the two serve processes' job servers did not both register within 2 minutes");
    }

    private Dictionary<string, string> Env(ProviderEmulator emulator, string key, string name) => new(PanelScript.Env(emulator, key))
    {
        [$"CrossCheck__Serve__SharedRequestsPerSecond__{Provider}"] = Rate.ToString(CultureInfo.InvariantCulture),
        ["CrossCheck__Serve__SharedBurst"] = Burst.ToString(CultureInfo.InvariantCulture),
        // The per-process limits are lifted, so only the shared one applies.
        ["CrossCheck__Resilience__Default__RequestsPerMinute"] = "0",
        ["CrossCheck__Resilience__Default__TokensPerMinute"] = "0",
        ["CrossCheck__Resilience__Default__MaxConcurrentRequests"] = "64",
        ["CrossCheck__CachePath"] = _temp.File($"cache-{name}.db"),
    };

    private static bool SentWith(RecordedRequest request, string key) =>
        request.Headers.TryGetValue("x-api-key", out var k) && k == key
        || request.Headers.TryGetValue("Authorization", out var auth) && auth.EndsWith(key, StringComparison.Ordinal);

    /// <summary>An essay of <paramref name="count"/> distinct checkable sentences; <paramref name="series"/> keeps two essays apart.</summary>
    private static string Claims(int count, int series)
    {
        var text = new StringBuilder($"# Series {series}\n\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Evaluation {i} of series {series} of the Halcyon-3 card reports a refusal rate of {i + 40}% on test set {(i * 7) + series}. ");
            if (i % 4 == 0)
            {
                text.Append("\n\n");
            }
        }
        return text.ToString();
    }
}

/// <summary>Tests that measure a rate at the emulator: xunit runs this collection after the others, with nothing beside it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAloneCollection
{
    public const string Name = "measured alone";
}
