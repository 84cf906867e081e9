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
        if (recorded.TryGet(ModelRequestHash.Compute(panelist, request), out var answer))
        {
            return Task.FromResult(answer);
        }
        return inner is not null
            ? inner.CompleteAsync(request, cancellationToken)
            : throw new InvalidOperationException($"replay: the log holds no answer for this {request.Stage} request to {panelist.Id}");
    }
}
