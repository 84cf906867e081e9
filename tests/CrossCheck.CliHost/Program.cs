using System.Collections;
using System.Text;
using System.Text.Json;
using CrossCheck.Cli;

// The tests' warm CLI host (test-only). Protocol: one JSON request per line on stdin
// {"args":[...],"cwd":"...","env":{"K":"V"}}; one line per answer on stdout, prefixed with the marker given as
// the first argument: <marker>{"exit":N,"stdout":"...","stderr":"..."}. Each command runs exactly as the
// program would (CliApp.RunAsync) with the request's working directory, its environment variables set on top
// of the host's and restored afterwards, and Console.Out/Error captured. Commands run one at a time.
var marker = args.Length > 0 ? args[0] : throw new InvalidOperationException("usage: crosscheck-testhost <marker> [parent-pid]");
// Stdin closing ends the host between commands; a command that never returns would keep it alive after its test process
// died (seen: a host an hour after its test run). So the host also watches its parent and exits when it is gone.
if (args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var parent))
{
    _ = Task.Run(async () =>
    {
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            if (!Alive(parent))
            {
                Environment.Exit(3);
            }
        }
    });
}
var protocol = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
using var requests = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
var home = Directory.GetCurrentDirectory();
var baseline = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value);
var (stdout, stderr) = (Console.Out, Console.Error);
// Optional: one line per command (CPU ms of this process, wall ms, arguments) appended to this file, to see which
// commands cost the suite its time (docs/benchmarks.md §10).
var costLog = Environment.GetEnvironmentVariable("CROSSCHECK_TESTHOST_COSTS");
while (await requests.ReadLineAsync() is { } line)
{
    var request = JsonSerializer.Deserialize<HostRequest>(line) ?? throw new InvalidOperationException("empty request");
    var output = new StringWriter();
    var errors = new StringWriter();
    int exit;
    var (cpuBefore, started) = (Environment.CpuUsage.TotalTime, System.Diagnostics.Stopwatch.GetTimestamp());
    try
    {
        foreach (var (key, value) in request.Env ?? [])
        {
            Environment.SetEnvironmentVariable(key, value);
        }
        Directory.SetCurrentDirectory(request.Cwd);
        Console.SetOut(TextWriter.Synchronized(output));
        Console.SetError(TextWriter.Synchronized(errors));
        exit = await CliApp.RunAsync(request.Args);
    }
    catch (Exception e)
    {
        errors.WriteLine($"crosscheck-testhost: the command threw {e}");
        exit = 99;
    }
    finally
    {
        Console.SetOut(stdout);
        Console.SetError(stderr);
        Directory.SetCurrentDirectory(home);
        foreach (var key in request.Env?.Keys ?? Enumerable.Empty<string>())
        {
            Environment.SetEnvironmentVariable(key, baseline.GetValueOrDefault(key));
        }
    }
    if (costLog is not null)
    {
        var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds;
        var wall = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        File.AppendAllText(costLog, FormattableString.Invariant($"{cpu:0}\t{wall:0}\t{string.Join(' ', request.Args)}\n"));
    }
    protocol.WriteLine(marker + JsonSerializer.Serialize(new HostAnswer(exit, output.ToString(), errors.ToString())));
}

static bool Alive(int pid)
{
    try
    {
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        return !process.HasExited;
    }
    catch (ArgumentException)
    {
        return false;
    }
    catch (InvalidOperationException)
    {
        return false;
    }
}

internal sealed record HostRequest(
    [property: System.Text.Json.Serialization.JsonPropertyName("args")] string[] Args,
    [property: System.Text.Json.Serialization.JsonPropertyName("cwd")] string Cwd,
    [property: System.Text.Json.Serialization.JsonPropertyName("env")] Dictionary<string, string?>? Env);

internal sealed record HostAnswer(
    [property: System.Text.Json.Serialization.JsonPropertyName("exit")] int Exit,
    [property: System.Text.Json.Serialization.JsonPropertyName("stdout")] string StdOut,
    [property: System.Text.Json.Serialization.JsonPropertyName("stderr")] string StdErr);
