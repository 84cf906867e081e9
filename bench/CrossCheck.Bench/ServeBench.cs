using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using Npgsql;

namespace CrossCheck.Bench;

/// <summary>
/// <c>crosscheck serve</c> with 1, 2 and 4 worker processes on one PostgreSQL, against emulated providers that answer
/// in L ms (scripted benchmark fixtures, never model output). Each configuration gets a fresh database; the same
/// runs are submitted; wall time is set against the bound the shared per-provider limits allow, and the request
/// rate each provider saw is measured at the emulator. Then again with the limits lifted.
/// </summary>
internal static class ServeBench
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;
    private static readonly string[] Providers = ["anthropic", "openai", "gemini"];
    private const string Panel = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro";

    public static async Task<int> RunAsync(string[] args)
    {
        var admin = Arg(args, "--store") ?? Environment.GetEnvironmentVariable("CROSSCHECK_TEST_POSTGRES")
            ?? throw new BenchInputException("serve-workers: give --store <PostgreSQL connection string> (or set CROSSCHECK_TEST_POSTGRES).");
        var program = Arg(args, "--program") ?? FindProgram();
        var runs = int.Parse(Arg(args, "--runs") ?? "6", Ci);
        var claims = int.Parse(Arg(args, "--claims") ?? "12", Ci);
        var latencyMs = int.Parse(Arg(args, "--latency-ms") ?? "800", Ci);
        var rate = double.Parse(Arg(args, "--rate") ?? "4", Ci);
        var workers = int.Parse(Arg(args, "--workers") ?? "4", Ci);
        var counts = (Arg(args, "--processes") ?? "1,2,4").Split(',').Select(s => int.Parse(s, Ci)).ToArray();
        // --limits on,off (default both): with the shared limits, without them, or both.
        var limits = (Arg(args, "--limits") ?? "on,off").Split(',').Select(s => s.Trim() == "on").ToArray();
        // --warmup off times each process's start-up too (its first run compiles the code paths and opens connections).
        var warmup = Arg(args, "--warmup") != "off";
        Console.WriteLine($"serve-workers: {runs} runs x {claims} claims, panel of 3, {latencyMs} ms per answer, shared limit {rate} req/s per provider (burst 1), --workers {workers}, warm-up run per process {(warmup ? "on" : "off")}; program {program}");
        var results = new List<string>();
        foreach (var limited in limits)
        {
            foreach (var n in counts)
            {
                results.Add(await OneAsync(admin, program, n, runs, claims, latencyMs, limited ? rate : 0, workers, warmup));
            }
        }
        Console.WriteLine();
        Console.WriteLine("| processes | shared limit | wall s | bound s | wall / bound | claims/s | busiest provider: req/s measured (limit) | max in any 1 s | load avg (start-end) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        results.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<string> OneAsync(string admin, string program, int processes, int runs, int claims, int latencyMs, double rate, int workers, bool warmup)
    {
        var folder = Directory.CreateTempSubdirectory("crosscheck-serve-bench-").FullName;
        var database = "crosscheck_bench_" + Guid.NewGuid().ToString("n")[..10];
        await ExecuteAsync(admin, $"CREATE DATABASE {database}");
        var store = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        var loadBefore = LoadAverage();
        var clock = Stopwatch.StartNew();
        await using var emulator = new ProviderEmulator(r => Script(r).After(TimeSpan.FromMilliseconds(latencyMs)));
        var servers = new List<(Process Process, Uri Url)>();
        try
        {
            for (var i = 0; i < processes; i++)
            {
                servers.Add(await StartAsync(program, folder, store, emulator, rate, workers, i));
            }
            var (_, source) = SampleGenerator.Write(Path.Combine(folder, "sample"));
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            if (warmup)
            {
                // One small run submitted to each process first (not timed): code compiled, connections made, so the
                // timed runs measure the steady state that the shared limits bound, not each process's start-up.
                await WaitAllAsync(http, servers[0].Url, [.. await Task.WhenAll(servers.Select((s, i) => SubmitAsync(http, s.Url, folder, source, $"warmup-{i}", 2 * processes)))]);
                await Task.Delay(TimeSpan.FromSeconds(rate > 0 ? 1.5 / rate : 0.1));
            }
            var started = clock.Elapsed.TotalSeconds;
            var startedAt = DateTimeOffset.UtcNow;
            var ids = new List<string>();
            for (var r = 0; r < runs; r++)
            {
                ids.Add(await SubmitAsync(http, servers[r % processes].Url, folder, source, $"series {r}", claims));
            }
            var submitted = clock.Elapsed.TotalSeconds - started;
            await WaitAllAsync(http, servers[0].Url, ids);
            var wall = clock.Elapsed.TotalSeconds - started;
            // Requests as the emulator stamped them on arrival (its own accept thread), not when it got round to reading them.
            var calls = Providers.ToDictionary(p => p, p => emulator.Requests.Where(q => q.Parsed?.Provider == p && q.Arrived >= startedAt).Select(q => (q.Arrived - startedAt).TotalSeconds).Order().ToArray());
            // The bound: the busiest provider's requests at its shared rate (after the one-request burst), plus one answer's latency;
            // with no limit, the four sequential stages of a claim at L ms each.
            var busiest = calls.MaxBy(c => c.Value.Length);
            var bound = rate > 0 ? ((busiest.Value.Length - 1) / rate) + (latencyMs / 1000.0) : 4 * latencyMs / 1000.0;
            var t = busiest.Value;
            var measured = t.Length > 1 ? (t.Length - 1) / (t[^1] - t[0]) : 0;
            var window = t.Select((x, i) => t.Skip(i).TakeWhile(y => y < x + 1.0).Count()).DefaultIfEmpty(0).Max();
            var line = string.Create(Ci, $"| {processes} | {(rate > 0 ? $"{rate} req/s" : "none")} | {wall:0.0} | {bound:0.0} | {wall / bound:0.00} | {runs * claims / wall:0.00} | {busiest.Key}: {measured:0.00} ({(rate > 0 ? rate.ToString(Ci) : "-")}) | {window} | {loadBefore}-{LoadAverage()} |");
            var all = calls.Values.SelectMany(c => c).Order().ToArray();
            // Where the wall time went outside the provider calls: before the first request (submit, pickup, plan) and after the last answer (finish).
            var spans = all.Length == 0 ? "" : string.Create(Ci, $"; first request at {all[0]:0.0} s, last at {all[^1]:0.0} s, answered by {all[^1] + (latencyMs / 1000.0):0.0} s, all submitted by {submitted:0.0} s");
            Console.WriteLine("summary " + line + $"  [{string.Join(", ", calls.Select(c => $"{c.Key} {c.Value.Length}"))} requests{spans}]");
            return line;
        }
        finally
        {
            foreach (var (process, _) in servers)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                process.Dispose();
            }
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> SubmitAsync(HttpClient http, Uri server, string folder, string source, string series, int claims)
    {
        var essay = Path.Combine(folder, $"essay-{series.Replace(' ', '-')}.md");
        // Distinct essays: identical submissions would be one job (a run's fingerprint is locked while it runs).
        File.WriteAllLines(essay, Enumerable.Range(1, claims).Select(i => $"In exercise {i} of {series} the model solved {i + 20}% of the challenges.\n"));
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(essay)), "essay", "essay.md" },
            { new ByteArrayContent(File.ReadAllBytes(source)), "source", "source.pdf" },
            { new StringContent(Panel), "panel" },
            { new StringContent("false"), "extract" },
        };
        using var response = await http.PostAsync(new Uri(server, "api/runs"), form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("id", out var id) && id.GetString() is { } text ? text : throw new BenchInputException("serve-workers: submit failed: " + body);
    }

    private static async Task WaitAllAsync(HttpClient http, Uri server, IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
        {
            while (true)
            {
                var run = await http.GetFromJsonAsync<JsonElement>(new Uri(server, "api/runs/" + id));
                var status = run.GetProperty("status").GetString();
                if (status is "failed" or "cancelled")
                {
                    throw new BenchInputException($"serve-workers: run {id} {status}: {run}");
                }
                if (status == "succeeded")
                {
                    break;
                }
                await Task.Delay(100);
            }
        }
    }

    private static async Task<(Process, Uri)> StartAsync(string program, string folder, string store, ProviderEmulator emulator, double rate, int workers, int index)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var a in new[] { program, "serve", "--urls", "http://127.0.0.1:0", "--data", Path.Combine(folder, "data"), "--store", store, "--workers", workers.ToString(Ci), "--allow-anonymous-localhost" })
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (key, value) in emulator.Environment("bench-emulated-key-0001"))
        {
            start.Environment[key] = value;
        }
        start.Environment["CrossCheck__Resilience__Default__RequestsPerMinute"] = "0";
        start.Environment["CrossCheck__Resilience__Default__TokensPerMinute"] = "0";
        start.Environment["CrossCheck__Resilience__Default__MaxConcurrentRequests"] = "64";
        start.Environment["CrossCheck__CachePath"] = Path.Combine(folder, $"cache-{index}.db");
        start.Environment["CROSSCHECK_KEY_DIR"] = Path.Combine(folder, "key");
        foreach (var p in Providers.Where(_ => rate > 0))
        {
            start.Environment[$"CrossCheck__Serve__SharedRequestsPerSecond__{p}"] = rate.ToString(Ci);
        }
        var process = Process.Start(start) ?? throw new BenchInputException("serve-workers: could not start dotnet");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (Regex.Match(line, @"listening on (http://127\.0\.0\.1:\d+)") is { Success: true } m)
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return (process, new Uri(m.Groups[1].Value + "/"));
            }
        }
        throw new BenchInputException("serve-workers: serve exited before it listened");
    }

    private static ScriptedReply Script(EmulatedRequest r)
    {
        var system = r.Messages.FirstOrDefault(m => m.Role == "system")?.Content ?? "";
        object answer = system switch
        {
            _ when system.StartsWith("You prepare", StringComparison.Ordinal) => new { proposition = "benchmark fixture", required_evidence = "", key_terms = Array.Empty<string>() },
            _ when system.StartsWith("You are an adversarial", StringComparison.Ordinal) => new { challenges = Array.Empty<object>(), proposed_verdict = "supported" },
            _ when system.StartsWith("You are the final reconciler", StringComparison.Ordinal) => new { verdict = "supported", rationale = "benchmark fixture", suggested_correction = "", citations = Array.Empty<object>() },
            _ => new { verdict = "supported", confidence = 0.9, rationale = "benchmark fixture", citations = Array.Empty<object>() },
        };
        return ScriptedReply.Answer(JsonSerializer.Serialize(answer));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string FindProgram()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            foreach (var config in new[] { "Release", "Debug" })
            {
                var path = Path.Combine(dir.FullName, "src", "CrossCheck.Cli", "bin", config, "net10.0", "crosscheck.dll");
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }
        throw new BenchInputException("serve-workers: build src/CrossCheck.Cli first, or give --program <path to crosscheck.dll>.");
    }

    /// <summary>The 1-minute load average (other work on the machine), as the bench's rows report it.</summary>
    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
