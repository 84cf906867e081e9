using Polly;

namespace CrossCheck.Resilience;

/// <summary>
/// Sends each request through a provider's Polly pipeline. Every attempt reads the whole body inside the pipeline, so a
/// connection dropped mid-body or a body cut short is an attempt failure that the retry sees (the SDKs read bodies
/// after the handler returns, where no retry could help), and the per-attempt timeout covers the body too.
/// </summary>
internal sealed class ResilientHttpHandler : DelegatingHandler
{
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("crosscheck.request");
    internal static readonly ResiliencePropertyKey<AttemptCounter> AttemptKey = new("crosscheck.attempt");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Action<int, int?, string?> _onAttempt;
    private readonly Action<int?> _onFinished;

    /// <param name="onFinished">The call's final status once the pipeline is done (null when it ended in an exception).</param>
    public ResilientHttpHandler(ResiliencePipeline<HttpResponseMessage> pipeline, Action<int, int?, string?> onAttempt, HttpMessageHandler inner, Action<int?>? onFinished = null)
        : base(inner)
    {
        _pipeline = pipeline;
        _onAttempt = onAttempt;
        _onFinished = onFinished ?? (_ => { });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var counter = new AttemptCounter();
            context.Properties.Set(RequestKey, request);
            context.Properties.Set(AttemptKey, counter);
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.Self.AttemptAsync(state.Request, state.Counter, ctx.CancellationToken),
                context,
                (Self: this, Request: request, Counter: counter)).ConfigureAwait(false);
            if (!cancellationToken.IsCancellationRequested)
            {
                _onFinished(outcome.Result is { } r ? (int)r.StatusCode : null);
            }
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(HttpRequestMessage request, AttemptCounter counter, CancellationToken cancellationToken)
    {
        int attempt = counter.Next();
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            _onAttempt(attempt, (int)response.StatusCode, null);
            return Outcome.FromResult(response);
        }
#pragma warning disable CA1031 // Every failure must become a Polly outcome, so the strategies (not this handler) decide what is transient.
        catch (Exception e)
#pragma warning restore CA1031
        {
            response?.Dispose();
            _onAttempt(attempt, null, e.GetType().Name);
            return Outcome.FromException<HttpResponseMessage>(e);
        }
    }
}
