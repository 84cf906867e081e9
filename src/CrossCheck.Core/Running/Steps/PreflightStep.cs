using CrossCheck.Panel;

namespace CrossCheck.Running.Steps;

/// <summary>
/// Before the run folder is opened and before any paid call: each panelist's model answers a one-token request
/// (<see cref="Preflight"/>), so a mistyped model or a rejected key stops the run at once with exit 2. Skipped for
/// replays (nothing is called) and when <see cref="PanelOptions.Preflight"/> is off. The outcome is logged once the
/// log exists (<see cref="ClaimsStep"/>).
/// </summary>
public sealed class PreflightStep(PanelServices? services) : IRunStep
{
    public string Name => "preflight";

    public async Task RunAsync(RunState state, CancellationToken cancellationToken)
    {
        var options = state.Options;
        if (options.Replay is { } replay)
        {
            // Nothing is called on replay; the reports name the preflight the run recorded.
            state.Preflight = Preflight.FromLog(replay.OriginalLog, options.Panel);
            return;
        }
        if (!options.PanelOptions.Preflight || options.Panel.Count == 0 || options.Replay is not null || services?.ClientFor is not { } clientFor)
        {
            return;
        }
        state.Report(Name, 0, 1, $"{options.Panel.Count} panelist(s)");
        var results = await Preflight.CheckAsync(options.Panel, clientFor, cancellationToken).ConfigureAwait(false);
        Preflight.ThrowIfFatal(results);
        state.Preflight = results;
        state.Report(Name, 1, 1, string.Join(", ", results.Select(r => r.Ok ? $"{r.Panelist.Id} ok" : r.Message.StartsWith(r.Panelist.Id, StringComparison.Ordinal) ? r.Message : $"{r.Panelist.Id}: {r.Message}")));
    }
}
