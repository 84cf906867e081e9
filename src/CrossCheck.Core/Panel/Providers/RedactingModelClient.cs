using CrossCheck.Models;
using CrossCheck.Safety;

namespace CrossCheck.Panel.Providers;

/// <summary>
/// The innermost middleware around a provider's client: whatever comes back from the provider — the answer's
/// text, or a failure's message (an error body that echoes request headers) — has every configured key and
/// anything key-shaped removed before any other layer, the log, a report or the console sees it.
/// </summary>
public sealed class RedactingModelClient(IModelClient inner, SecretRedactor redactor) : IModelClient
{
    public PanelistSpec Panelist => inner.Panelist;

    public async Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
            var text = redactor.Redact(answer.Text);
            var version = answer.ModelVersion is null ? null : redactor.Redact(answer.ModelVersion);
            return ReferenceEquals(text, answer.Text) && ReferenceEquals(version, answer.ModelVersion)
                ? answer
                : answer with { Text = text, ModelVersion = version };
        }
        catch (ModelCallException e)
        {
            throw e.Redacted(redactor);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw ModelCallException.Wrap(inner.Panelist, e).Redacted(redactor);
        }
    }
}
