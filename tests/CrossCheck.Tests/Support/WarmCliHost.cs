using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrossCheck.Tests.Support;

/// <summary>
/// A pool of long-lived <c>crosscheck-testhost</c> processes (tests/CrossCheck.CliHost) that run crosscheck commands
/// one after another through the program's own entry point (<c>CliApp.RunAsync</c>), each with the request's working
/// directory, environment and captured console. A command run this way is the same code as the spawned program, but
/// the start-up (JIT of the host, the SDKs, PdfPig, Lucene) is paid once per host instead of once per command.
/// Tests that need a process of their own (signals, SIGKILL, two processes racing, standard input) use
/// <see cref="CliRunner.Start(string, IReadOnlyDictionary{string, string}?, string[])"/> or
/// <see cref="CliRunner.RunWithInput"/>, which always spawn. <c>CROSSCHECK_TEST_SPAWN=1</c> makes every run spawn.
/// </summary>
internal static class WarmCliHost
{
    private static readonly ConcurrentBag<Host> Idle = [];
    private static readonly ConcurrentBag<Host> All = [];

    /// <summary>
    /// At most this many commands run at once, so the pool never holds more hosts: one per test thread
    /// (xunit.runner.json), and two for the one test that runs two commands side by side (Safety/ConcurrentRunTests).
    /// Each host pays its own JIT for every kind of command it meets: a third host cost about 14 CPU-seconds over a
    /// suite run (docs/benchmarks.md §10). A command that finds both busy waits for one.
    /// </summary>
    private const int MaxHosts = 2;

    private static readonly SemaphoreSlim Slots = new(MaxHosts, MaxHosts);

    static WarmCliHost() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var host in All)
        {
            host.Dispose();
        }
    };

    public static bool Enabled =>
        Environment.GetEnvironmentVariable("CROSSCHECK_TEST_SPAWN") is not "1"
        && File.Exists(Path.Combine(AppContext.BaseDirectory, "crosscheck-testhost.dll"));

    public static CliRunner.Result Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args, TimeSpan timeout)
    {
        if (!Slots.Wait(timeout))
        {
            throw new TimeoutException($"no warm CLI host came free within {timeout.TotalMinutes:0} minutes");
        }
        try
        {
            var host = Idle.TryTake(out var idle) && idle.Alive ? idle : Host.Start();
            var answer = host.Run(workingDirectory, environment, args, timeout);
            if (host.Alive)
            {
                Idle.Add(host);
            }
            return answer;
        }
        finally
        {
            Slots.Release();
        }
    }

    private sealed class Host : IDisposable
    {
        private readonly Process _process;
        private readonly string _marker;
        private readonly StringBuilder _hostErrors = new();

        private Host(Process process, string marker) => (_process, _marker) = (process, marker);

        public bool Alive => !_process.HasExited;

        public static Host Start()
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardInputEncoding = new UTF8Encoding(false),
                StandardOutputEncoding = new UTF8Encoding(false),
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "crosscheck-testhost.dll"));
            var marker = "@@crosscheck-testhost-" + Guid.NewGuid().ToString("N") + "@@";
            start.ArgumentList.Add(marker);
            // The host exits when this test process is gone, even in the middle of a command that never returns.
            start.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var process = Process.Start(start) ?? throw new InvalidOperationException("could not start crosscheck-testhost");
            var host = new Host(process, marker);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { } line)
                {
                    lock (host._hostErrors)
                    {
                        host._hostErrors.AppendLine(line);
                    }
                }
            };
            process.BeginErrorReadLine();
            All.Add(host);
            return host;
        }

        public CliRunner.Result Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args, TimeSpan timeout)
        {
            var request = JsonSerializer.Serialize(new Request(args, Path.GetFullPath(workingDirectory), environment));
            _process.StandardInput.WriteLine(request);
            _process.StandardInput.Flush();
            // Read asynchronously: a command that runs for seconds holds no thread of the pool the emulators share.
            var reading = ReadAnswerAsync();
            if (!reading.Wait(timeout))
            {
                Dispose();
                throw new TimeoutException($"crosscheck did not finish within {timeout.TotalMinutes:0} minutes (warm host)");
            }
            return reading.Result ?? throw new InvalidOperationException($"the warm CLI host ended without answering: {HostErrors()}");
        }

        private async Task<CliRunner.Result?> ReadAnswerAsync()
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (!line.StartsWith(_marker, StringComparison.Ordinal))
                {
                    continue;
                }
                var answer = JsonSerializer.Deserialize<Answer>(line.AsSpan(_marker.Length))!;
                return new CliRunner.Result(answer.Exit, answer.StdOut, answer.StdErr);
            }
            return null;
        }

        private string HostErrors()
        {
            lock (_hostErrors)
            {
                return _hostErrors.ToString();
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(TimeSpan.FromSeconds(10)); // reaped, not left to init
                }
            }
            catch (InvalidOperationException)
            {
            }
        }
    }

    private sealed record Request(
        [property: JsonPropertyName("args")] string[] Args,
        [property: JsonPropertyName("cwd")] string Cwd,
        [property: JsonPropertyName("env")] IReadOnlyDictionary<string, string> Env);

    private sealed record Answer(
        [property: JsonPropertyName("exit")] int Exit,
        [property: JsonPropertyName("stdout")] string StdOut,
        [property: JsonPropertyName("stderr")] string StdErr);
}
