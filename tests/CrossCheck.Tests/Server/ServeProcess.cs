using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Server;

/// <summary>A real <c>crosscheck serve</c> child process on a free port; its address is read from the line it prints on start.</summary>
public sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Seen(e.Data);
        process.ErrorDataReceived += (_, e) => Seen(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("serve exited before it listened: " + Output));
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int Pid => _process.Id;

    public static async Task<ServeProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var process = new ServeProcess(CliRunner.Start(workingDirectory, environment, ["serve", "--urls", "http://127.0.0.1:0", .. args]));
        var started = await process._listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
        process.BaseAddress = started;
        return process;
    }

    public HttpClient Client() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(3) };

    /// <summary>SIGKILL: no shutdown, no flush, nothing of the process's own.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }

    private void Seen(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (Listening().Match(line) is { Success: true } m)
        {
            _listening.TrySetResult(new Uri(m.Groups[1].Value + "/"));
        }
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}

/// <summary>
/// The tests that run a server in the test process: one at a time, since Hangfire keeps one job storage per process.
/// Together they take about ten seconds, so the collection starts early.
/// </summary>
[CollectionDefinition("serve")]
[StartEarly]
public sealed class ServeCollection;
