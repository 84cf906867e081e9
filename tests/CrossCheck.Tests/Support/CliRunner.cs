using System.Diagnostics;

namespace CrossCheck.Tests.Support;

/// <summary>Runs the real <c>crosscheck</c> program (the built crosscheck.dll) as a child process.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>
    /// How long one command may take before the test fails: generous, since the tests run four at a time on two shared
    /// cores (xunit.runner.json); a command of the suite takes seconds.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static string ProgramPath => Path.Combine(AppContext.BaseDirectory, "crosscheck.dll");

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        if (!WarmCliHost.Enabled)
        {
            return Spawn(workingDirectory, environment, args);
        }
        var environmentOfRun = TestEnvironment(workingDirectory);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            environmentOfRun[key] = value;
        }
        return WarmCliHost.Run(workingDirectory, environmentOfRun, args, Timeout);
    }

    /// <summary>Runs the program as its own child process (what <see cref="Run(string, IReadOnlyDictionary{string, string}?, string[])"/> does when CROSSCHECK_TEST_SPAWN=1).</summary>
    public static Result Spawn(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        return Collect(process, input: null);
    }

    /// <summary>Runs the program with <paramref name="input"/> on its standard input (closed after it).</summary>
    public static Result RunWithInput(string workingDirectory, string input, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args, redirectInput: true);
        return Collect(process, input);
    }

    /// <summary>
    /// Runs another build of the program, an executable of a publish (the native launcher, <c>crosscheck-dotnet</c>),
    /// as its own process with the same test settings as <see cref="Spawn"/>.
    /// </summary>
    public static Result SpawnExecutable(string executable, string workingDirectory, params string[] args)
    {
        using var process = StartExecutable(executable, workingDirectory, args, redirectInput: false);
        return Collect(process, input: null);
    }

    /// <summary>Starts a publish's executable with the test settings and returns at once; output is redirected.</summary>
    public static Process StartExecutable(string executable, string workingDirectory, string[] args, bool redirectInput) =>
        Start(executable, [], workingDirectory, null, args, redirectInput);

    /// <summary>Starts the program and returns at once (for tests that kill it mid-run); output is redirected.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Start(workingDirectory, environment, args, redirectInput: false);

    private static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args, bool redirectInput) =>
        Start("dotnet", [ProgramPath], workingDirectory, environment, args, redirectInput);

    /// <summary>Writes <paramref name="input"/> (if any) and closes standard input, then waits for the end and the output.</summary>
    private static Result Collect(Process process, string? input)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"crosscheck did not finish within {Timeout.TotalMinutes:0} minutes");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static Process Start(string file, string[] leading, string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args, bool redirectInput)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var arg in leading.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in TestEnvironment(workingDirectory))
        {
            start.Environment[key] = value;
        }
        // Short-lived child processes: dynamic PGO's instrumentation costs more CPU than it pays back (about 15% here).
        start.Environment["DOTNET_TieredPGO"] = "0";
        // ... and so does recompiling a method once it has been called 30 times: a `serve` of a test, alive for seconds,
        // spent about a third of its CPU in the background recompiler (perf). From 1,000 calls: the three serve tests'
        // processes 20.3 → 14.3 CPU-s, a one-off `check` unchanged (docs/benchmarks.md §10).
        start.Environment["DOTNET_TC_CallCountThreshold"] = "1000";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
    }

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    /// <summary>The settings every test run of the program gets, before the test's own.</summary>
    private static Dictionary<string, string> TestEnvironment(string workingDirectory) => new()
    {
        // Each test gets its own response cache, so no test sees another's cached answers.
        ["CrossCheck__CachePath"] = Path.Combine(workingDirectory, "responses-cache.db"),
        // The emulator has no account limits: lift the providers' client-side rate limits so no test waits on them.
        // Tests of the limits themselves drive the pipeline on a fake clock (Resilience/RateLimitTests).
        ["CrossCheck__Resilience__Default__RequestsPerMinute"] = "0",
        ["CrossCheck__Resilience__Default__TokensPerMinute"] = "0",
        ["CrossCheck__Resilience__Default__MaxConcurrentRequests"] = "16",
        // Retries back off for milliseconds, not seconds: the same attempts in the same order, without the waits
        // (the backoff itself is tested on a fake clock, Resilience/RetryTests and BreakerTests).
        ["CrossCheck__Resilience__Default__RetryBaseDelay"] = "00:00:00.020",
        ["CrossCheck__Resilience__Default__RetryMaxDelay"] = "00:00:00.200",
        // The one-token preflight per panelist is off by default here, so tests that count requests at the emulator count
        // the run's own calls; Panel/PreflightTests turns it on (CrossCheck__Preflight=true), as a user's run has it.
        ["CrossCheck__Preflight"] = "false",
        // One signing key for every test process, kept out of the user's profile.
        ["CROSSCHECK_KEY_DIR"] = Path.Combine(Path.GetTempPath(), "crosscheck-tests-signing-key"),
    };
}
