using System.Collections.Concurrent;
using CrossCheck.Models;
using CrossCheck.Provenance;

namespace CrossCheck.Running;

/// <summary>
/// Answers a request from the log of the run named by <c>--since</c> when that run made the same request (an
/// unchanged claim), marking the answer's origin "since" so the log records it as carried; otherwise asks the inner
/// client. Counts, per claim, how many requests were carried and how many had to be asked.
/// </summary>
public sealed class CarriedModelClient(PanelistSpec panelist, RecordedAnswers carried, IModelClient inner, ConcurrentDictionary<string, (int Carried, int Asked)> tally) : IModelClient
{
    public PanelistSpec Panelist => panelist;

    public Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        // By request alone: the earlier run numbered its claims before the edits, so its claim ids are not this run's.
        var found = carried.TryGet(ModelRequestHash.Compute(panelist, request), claim: null, out var answer);
        if (CallScope.Current is { } scope)
        {
            tally.AddOrUpdate(scope.Claim, _ => found ? (1, 0) : (0, 1), (_, t) => found ? (t.Carried + 1, t.Asked) : (t.Carried, t.Asked + 1));
        }
        return found ? Task.FromResult(answer with { Origin = "since" }) : inner.CompleteAsync(request, cancellationToken);
    }
}
