using System.Collections.Concurrent;

namespace CrossCheck.Server.Jobs;

/// <summary>The cancellation of each run running in this process, so a cancel request stops it at once.</summary>
public sealed class RunCancellations
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);

    /// <summary>A source cancelled by <paramref name="shutdown"/> or by <see cref="Cancel"/>; dispose it when the run ends.</summary>
    public Registration Register(string runId, CancellationToken shutdown)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        _running[runId] = source;
        return new Registration(this, runId, source);
    }

    /// <summary>True when the run was running here and has been told to stop.</summary>
    public bool Cancel(string runId)
    {
        if (_running.TryGetValue(runId, out var source))
        {
            try
            {
                source.Cancel();
                return true;
            }
            catch (ObjectDisposedException)
            {
            }
        }
        return false;
    }

    public sealed class Registration(RunCancellations owner, string runId, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Cancel()
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        public void Dispose()
        {
            owner._running.TryRemove(new KeyValuePair<string, CancellationTokenSource>(runId, source));
            source.Dispose();
        }
    }
}
