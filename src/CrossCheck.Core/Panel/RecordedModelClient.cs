using CrossCheck.Models;
using CrossCheck.Provenance;

namespace CrossCheck.Panel;

/// <summary>
/// Answers a request from a provenance log when the log holds its answer; otherwise asks the inner
/// client (resume), or fails (replay, where no provider may be called).
/// </summary>
public sealed class RecordedModelClient(PanelistSpec panelist, RecordedAnswers recorded, IModelClient? inner) : IModelClient
{
    public PanelistSpec Panelist => panelist;

    public Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        var hash = ModelRequestHash.Compute(panelist, request);
        if (recorded.TryGet(hash, CallScope.Current?.Claim, out var answer))
        {
            return Task.FromResult(answer);
        }
        if (inner is not null)
        {
            return inner.CompleteAsync(request, cancellationToken);
        }
        // Replay: a call the run recorded as failed fails again, with the error the run reported; a call the log has no record of stops the replay.
        return recorded.Logged(hash)
            ? throw new InvalidOperationException(recorded.ErrorOf(hash) ?? $"replay: the run recorded this {request.Stage} request to {panelist.Id} as failed")
            : throw new ReplayGapException(
                $"replay: the log has no record of the {request.Stage} call to {panelist.Id} (request {hash[..12]}…) that the run must have made; records were removed or the log is not this run's. Check it with 'crosscheck verify-log'; nothing was replayed as if it had failed.");
    }
}
