namespace CrossCheck.Tests.Support;

/// <summary>
/// The point at which a test kills a run: once the run's log records a given number of model calls. From then on the
/// emulator holds every further answer (<see cref="PassAsync"/> in its script) until <see cref="Release"/>, so the run
/// cannot finish before the test has seen the log and killed it, however late a loaded machine lets the test look.
/// </summary>
/// <param name="log">The run's provenance log, or null while the run has not made it yet.</param>
public sealed class KillPoint(Func<string?> log)
{
    private int _calls = int.MaxValue;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The model calls recorded in <paramref name="path"/> so far (none when it does not exist yet).</summary>
    public static int ModelCalls(string? path) =>
        path is not null && File.Exists(path) ? File.ReadLines(path).Count(l => l.Contains("\"model_call\"", StringComparison.Ordinal)) : 0;

    /// <summary>For the emulator's script: returns at once before the point, and after it only once released.</summary>
    public async Task PassAsync()
    {
        // The log is read only while a point is set (not for the runs before it is set or after the kill).
        if (Volatile.Read(ref _calls) is var calls && calls != int.MaxValue && ModelCalls(log()) >= calls)
        {
            await Volatile.Read(ref _release).Task;
        }
    }

    /// <summary>Sets the point at <paramref name="calls"/> recorded calls and waits for it; returns the log's path.</summary>
    /// <param name="ended">True once the program being killed has exited (it must not have, before the point).</param>
    public async Task<string> WaitAsync(int calls, Func<bool> ended, Func<string> why, TimeSpan limit)
    {
        Volatile.Write(ref _calls, calls);
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            var path = log();
            if (ModelCalls(path) >= calls)
            {
                return path!;
            }
            Assert.False(ended(), "the run ended before it could be killed" + why());
            await Task.Delay(20);
        }
        throw new TimeoutException($"fewer than {calls} model calls in the run's log after {limit.TotalMinutes:0} minutes");
    }

    /// <summary>After the kill: the held answers go (to a program that is gone) and none is held any more.</summary>
    public void Release()
    {
        Volatile.Write(ref _calls, int.MaxValue);
        Interlocked.Exchange(ref _release, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).SetResult();
    }
}
