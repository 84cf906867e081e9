using System.Collections.Concurrent;
using CrossCheck.Checks;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Provenance;
using CrossCheck.Running;
using CrossCheck.Runs;

namespace CrossCheck.Server.Jobs;

/// <summary>
/// What one process keeps of a planned run while it checks the run's claims (<see cref="RunContexts"/> builds it once
/// per run and process): the inputs read again exactly as planning read them (essay, sources, prompts, claims, the
/// passage index), each claim's place in the role rotation, a log that appends to the run's shared chain, and the
/// run's cancellation here. Built from ids and the stored inputs only, so any process can build it.
/// </summary>
public sealed class RunContext(RunOptions options, RunState state, ProvenanceLog log, RunCancellations.Registration cancellation) : IDisposable
{
    private readonly Dictionary<string, int> _index = state.Claims.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
    private readonly Dictionary<string, int> _slots = Slots(state, options);
    private readonly ConcurrentDictionary<int, GroundingResult> _groundings = new();
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PanelistSpec, IModelClient> _clients = new();
    private readonly Lock _checking = new();

    public RunOptions Options => options;

    /// <summary>Essay, sources, prompts, claims, corpus and grounding checker (no folder, log or clients of its own).</summary>
    public RunState State => state;

    /// <summary>Appends to the run's one chain, whichever process writes.</summary>
    public ProvenanceLog Log => log;

    /// <summary>Cancelled when the run is cancelled (here, or in another process: see <see cref="RunContexts"/>'s watch).</summary>
    public CancellationToken Cancelled => cancellation.Token;

    public void Cancel() => cancellation.Cancel();

    /// <summary>The claim ids of the checkable claims, in the order planning handed them out.</summary>
    public IReadOnlyList<string> CheckableIds => [.. state.Claims.Where(c => c.Checkable).Select(c => c.Id)];

    /// <summary>The claims this process is checking now: the ones whose leases it renews.</summary>
    public bool HasClaimsInFlight => !_inFlight.IsEmpty;

    public bool IsInFlight(string? claimId) => claimId is not null && _inFlight.ContainsKey(claimId);

    public void Begin(string claimId) => _inFlight[claimId] = 0;

    public void End(string claimId) => _inFlight.TryRemove(claimId, out _);

    /// <returns>The claim's index among all claims and its rotation slot; null when planning did not hand it out.</returns>
    public (int Index, int Slot)? Position(string claimId) =>
        _index.TryGetValue(claimId, out var index) && _slots.TryGetValue(claimId, out var slot) ? (index, slot) : null;

    /// <summary>The offline checker's result for a claim, as planning logged it (the checker is deterministic); computed once here.</summary>
    public GroundingResult Grounding(int index) => _groundings.GetOrAdd(index, i =>
    {
        lock (_checking)
        {
            return state.Checker.Check(state.Claims[i]);
        }
    });

    /// <summary>
    /// Each panelist's client for one claim, with that claim's <paramref name="middleware"/> (the run's chain, the
    /// claim's own meter) around it; a later attempt's clients answer first from what the chain recorded
    /// (<paramref name="recorded"/>). The provider clients underneath are made once per run here.
    /// </summary>
    public Func<PanelistSpec, IModelClient> ClientsFor(RecordedAnswers recorded, PanelServices services, CallMiddleware middleware)
    {
        var shared = services with { ClientFor = p => _clients.GetOrAdd(p, services.ClientFor) };
        return ModelClients.For(options, recorded, shared, middleware)!;
    }

    /// <summary>True once the context is dropped (its run ended here).</summary>
    public bool Ended { get; private set; }

    public void Dispose()
    {
        Ended = true;
        log.Dispose();
        cancellation.Dispose();
        state.Dispose();
    }

    /// <summary>The rotation slots as the panel step gives them: by each checkable claim's text (<see cref="RolePlan.Slots"/>).</summary>
    private static Dictionary<string, int> Slots(RunState state, RunOptions options)
    {
        var checkable = state.Claims.Where(c => c.Checkable).ToArray();
        var slots = RolePlan.Slots(checkable.Select(c => c.Text).ToArray(), options.Panel);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < checkable.Length; i++)
        {
            map[checkable[i].Id] = slots[i];
        }
        return map;
    }
}
