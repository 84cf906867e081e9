using CrossCheck.Running;
using CrossCheck.Server.Runs;
using CrossCheck.Server.Stores;

namespace CrossCheck.Server.Jobs;

/// <summary>
/// Turns a run's progress reports into its record: the step, how far it is, and each claim's state (grounded by the
/// offline checker, then checked by the panel). Reports arrive from many claims at once; the record is saved at
/// most a few times a second and once more at the end.
/// </summary>
public sealed class ProgressSink(IRunStore store, string runId, TimeProvider time, ServeMetrics? metrics = null) : IProgress<RunProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly Lock _lock = new();
    private readonly List<ClaimProgress> _claims = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _saving = new(1, 1);
    private RunProgress? _last;
    private long _lastSave;

    public void Report(RunProgress value)
    {
        bool due;
        lock (_lock)
        {
            var stageChanged = _last?.Stage != value.Stage;
            _last = value;
            if (value.Detail is { } claim && value.Stage is "check" or "panel")
            {
                var state = value.Stage == "check" ? "grounded" : "checked";
                if (state == "checked" && (!_index.TryGetValue(claim, out var seen) || _claims[seen].State != "checked"))
                {
                    metrics?.ClaimChecked();
                }
                if (_index.TryGetValue(claim, out var at))
                {
                    _claims[at] = _claims[at] with { State = state };
                }
                else
                {
                    _index[claim] = _claims.Count;
                    _claims.Add(new ClaimProgress(claim, state));
                }
            }
            var now = time.GetTimestamp();
            due = stageChanged || time.GetElapsedTime(_lastSave, now) >= Interval;
            if (due)
            {
                _lastSave = now;
            }
        }
        if (due)
        {
            _ = SaveAsync(wait: false);
        }
    }

    public Task FlushAsync() => SaveAsync(wait: true);

    private async Task SaveAsync(bool wait)
    {
        if (!await _saving.WaitAsync(wait ? Timeout.Infinite : 0).ConfigureAwait(false))
        {
            return;
        }
        try
        {
            RunProgress? last;
            ClaimProgress[] claims;
            lock (_lock)
            {
                last = _last;
                claims = [.. _claims];
            }
            if (last is null)
            {
                return;
            }
            await store.UpdateAsync(runId, r => r.Finished ? r : r with
            {
                Stage = last.Stage, Done = last.Done, Total = last.Total, Claims = claims.Length > 0 ? claims : r.Claims, Updated = time.GetUtcNow(),
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            // Progress is advisory: a failed save is retried by the next report and by the final flush.
        }
        finally
        {
            _saving.Release();
        }
    }
}
