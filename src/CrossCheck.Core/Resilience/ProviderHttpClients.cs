using System.Collections.Concurrent;
using System.Net;
using CrossCheck.Models;
using Microsoft.Extensions.Configuration;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace CrossCheck.Resilience;

// Over 250 lines on purpose: the Polly pipeline is one ordered list of strategies (concurrency → total timeout → retry →
// breaker → rate limit → attempt timeout); split across files, their order and shared callbacks would be hard to read.

/// <summary>
/// One Polly pipeline per provider, in front of every HTTP request to it. Outermost first:
/// concurrency limiter (a call holds its slot through its retries, so a provider that answers 429 is not hammered) →
/// total timeout → retry (exponential backoff with jitter; waits as long as Retry-After, <c>retry-after-ms</c>,
/// <c>x-ratelimit-reset-*</c> or <c>anthropic-ratelimit-*-reset</c> say, capped at <see cref="ProviderResilienceOptions.RetryMaxDelay"/>;
/// 408, 429, 5xx incl. 529, dropped connections, cut bodies and attempt timeouts are retried) → circuit breaker
/// (429 does not count) → rate limiter (requests and estimated tokens per minute) → per-attempt timeout.
/// Every strategy runs on the injected <see cref="TimeProvider"/>. Use <see cref="CreateClient"/> (or <see cref="ClientFactory"/>)
/// as <see cref="ModelClientFactory"/>'s <c>httpClientFor</c> hook: each call returns a new HttpClient over the provider's
/// shared handler, so the limits and the breaker hold across every client of a provider.
/// </summary>
public sealed class ProviderHttpClients : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ProviderLane>> _lanes = new(StringComparer.Ordinal);
    private readonly Func<string, ProviderResilienceOptions> _optionsFor;
    private readonly TimeProvider _time;
    private readonly Action<ResilienceEvent> _onEvent;
    private readonly Func<string, HttpMessageHandler> _transportFor;
    private bool _disposed;

    /// <param name="optionsFor">Options per canonical provider name, e.g. <c>p => ProviderResilienceOptions.FromConfiguration(config, p)</c>.</param>
    /// <param name="timeProvider">The clock of every strategy; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="onEvent">Receives every <see cref="ResilienceEvent"/>, on the call's own flow; must not throw.</param>
    /// <param name="transportFor">The innermost handler per provider; a pooled <see cref="SocketsHttpHandler"/> when null.</param>
    public ProviderHttpClients(
        Func<string, ProviderResilienceOptions> optionsFor,
        TimeProvider? timeProvider = null,
        Action<ResilienceEvent>? onEvent = null,
        Func<string, HttpMessageHandler>? transportFor = null)
    {
        ArgumentNullException.ThrowIfNull(optionsFor);
        _optionsFor = optionsFor;
        _time = timeProvider ?? TimeProvider.System;
        _onEvent = onEvent ?? (_ => { });
        _transportFor = transportFor ?? (_ => new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        });
    }

    /// <summary>Options from the <c>CrossCheck:Resilience</c> section (see <see cref="ProviderResilienceOptions.FromConfiguration"/>).</summary>
    public static ProviderHttpClients FromConfiguration(IConfiguration? configuration, TimeProvider? timeProvider = null, Action<ResilienceEvent>? onEvent = null) =>
        new(p => ProviderResilienceOptions.FromConfiguration(configuration, p), timeProvider, onEvent);

    /// <summary>The hook for <see cref="ModelClientFactory"/>: a fresh HttpClient per call.</summary>
    public Func<string, HttpClient> ClientFactory => CreateClient;

    /// <summary>
    /// A new HttpClient for a provider (name or alias) over its shared resilient handler. HttpClient's own timeout is off:
    /// the pipeline's total timeout rules. The caller may set BaseAddress and headers on it.
    /// </summary>
    public HttpClient CreateClient(string provider)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new HttpClient(Lane(provider).Handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The validated options in force for a provider.</summary>
    public ProviderResilienceOptions OptionsFor(string provider) => Lane(provider).Options;

    /// <summary>
    /// True while the provider's breaker is open (or isolated) and its break has not run out: calls to it fail fast, so a
    /// role should go to another panelist. False for a provider never called.
    /// </summary>
    public bool IsProviderDown(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (!_lanes.TryGetValue(ProviderNames.Canonical(provider), out var lazy) || !lazy.IsValueCreated)
        {
            return false;
        }

        var lane = lazy.Value;
        if (_time.GetUtcNow() < lane.DownUntil)
        {
            return true;
        }
        return lane.Breaker.CircuitState switch
        {
            CircuitState.Isolated => true,
            CircuitState.Open => _time.GetUtcNow() < lane.OpenUntil,
            _ => false,
        };
    }

    /// <summary>Why a provider was marked down for a reason its breaker does not see (rejected key, exhausted quota); null when never.</summary>
    public string? DownReason(string provider) =>
        _lanes.TryGetValue(ProviderNames.Canonical(provider), out var lazy) && lazy.IsValueCreated ? lazy.Value.DownReason : null;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var lazy in _lanes.Values.Where(l => l.IsValueCreated))
        {
            lazy.Value.Dispose();
        }
    }

    private ProviderLane Lane(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        string name = ProviderNames.Canonical(provider);
        return _lanes.GetOrAdd(name, n => new Lazy<ProviderLane>(() => Build(n), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private ProviderLane Build(string provider)
    {
        var o = _optionsFor(provider);
        o.Validate($"{ProviderResilienceOptions.ConfigurationSection}:{provider}");
        var breaker = new CircuitBreakerStateProvider();
        ProviderLane? lane = null;
        void Emit(ResilienceEventKind kind, ResilienceContext? context, int? status = null, TimeSpan? wait = null, string? detail = null) =>
            _onEvent(new ResilienceEvent(provider, kind, AttemptOf(context), status, wait, detail));

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "crosscheck-" + provider, TimeProvider = _time };
        // First (outermost), so that neither timeout runs while a call waits for a slot: both are measured from when it leaves the queue.
        builder.AddConcurrencyLimiter(new System.Threading.RateLimiting.ConcurrencyLimiterOptions
        {
            PermitLimit = o.MaxConcurrentRequests,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = System.Threading.RateLimiting.QueueProcessingOrder.OldestFirst,
        });

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "total-timeout",
            Timeout = o.TotalTimeout,
            OnTimeout = args =>
            {
                Emit(ResilienceEventKind.Timeout, args.Context, wait: args.Timeout, detail: "total");
                return default;
            },
        });

        if (o.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                ShouldHandle = args => ValueTask.FromResult(TransientFailures.ShouldRetry(args.Outcome)),
                MaxRetryAttempts = o.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = o.RetryUseJitter,
                Delay = o.RetryBaseDelay,
                MaxDelay = o.RetryMaxDelay,
                DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome, o.RetryMaxDelay)),
                OnRetry = args =>
                {
                    string? source = args.Outcome.Result is { } r ? RetryAfterHints.From(r, _time.GetUtcNow())?.Source : null;
                    Emit(ResilienceEventKind.RetryWait, args.Context, StatusOf(args.Outcome), args.RetryDelay,
                        source ?? args.Outcome.Exception?.GetType().Name ?? "backoff");
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            Name = "breaker",
            ShouldHandle = args => ValueTask.FromResult(TransientFailures.CountsAgainstBreaker(args.Outcome)),
            FailureRatio = o.BreakerFailureRatio,
            MinimumThroughput = o.BreakerMinimumThroughput,
            SamplingDuration = o.BreakerSamplingDuration,
            BreakDuration = o.BreakerBreakDuration,
            StateProvider = breaker,
            OnOpened = args =>
            {
                if (lane is not null)
                {
                    lane.OpenUntil = _time.GetUtcNow() + args.BreakDuration;
                }

                Emit(ResilienceEventKind.BreakerOpened, args.Context, StatusOf(args.Outcome), args.BreakDuration, args.Outcome.Exception?.GetType().Name);
                return default;
            },
            OnClosed = args =>
            {
                Emit(ResilienceEventKind.BreakerClosed, args.Context, StatusOf(args.Outcome));
                return default;
            },
            OnHalfOpened = args =>
            {
                Emit(ResilienceEventKind.HalfOpen, args.Context);
                return default;
            },
        });

        var requests = o.RequestsPerMinute > 0 ? new TokenBucket(o.RequestsPerMinute, _time) : null;
        var tokens = o.TokensPerMinute > 0 ? new TokenBucket(o.TokensPerMinute, _time) : null;
        if (requests is not null || tokens is not null)
        {
            builder.AddRateLimiter(new RateLimiterStrategyOptions
            {
                Name = "rate-limiter",
                RateLimiter = async args =>
                {
                    var wait = TimeSpan.Zero;
                    string? which = null;
                    if (requests?.Reserve(1) is { } r && r > wait)
                    {
                        (wait, which) = (r, "requests");
                    }

                    if (tokens?.Reserve(EstimatedTokens(args.Context)) is { } t && t > wait)
                    {
                        (wait, which) = (t, "tokens");
                    }

                    if (wait > TimeSpan.Zero)
                    {
                        // The attempt about to be made: the counter moves when the attempt starts, after this wait.
                        _onEvent(new ResilienceEvent(provider, ResilienceEventKind.RateLimited, AttemptOf(args.Context) + 1, null, wait, which));
                        await Task.Delay(wait, _time, args.Context.CancellationToken).ConfigureAwait(false);
                    }

                    return GrantedLease.Instance;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "attempt-timeout",
            Timeout = o.AttemptTimeout,
            OnTimeout = args =>
            {
                Emit(ResilienceEventKind.Timeout, args.Context, wait: args.Timeout, detail: "attempt");
                return default;
            },
        });

        var pipeline = builder.Build();
        var handler = new ResilientHttpHandler(
            pipeline,
            (attempt, status, detail) => _onEvent(new ResilienceEvent(provider, ResilienceEventKind.Attempt, attempt, status, null, detail)),
            _transportFor(provider),
            status =>
            {
                if (lane?.Observe(status, _time.GetUtcNow()) is { } reason)
                {
                    _onEvent(new ResilienceEvent(provider, ResilienceEventKind.ProviderDown, 0, status, null, reason));
                }
            });
        lane = new ProviderLane(o, handler, breaker);
        return lane;
    }

    private TimeSpan? ServerDelay(Outcome<HttpResponseMessage> outcome, TimeSpan cap) =>
        outcome.Result is { } response && RetryAfterHints.From(response, _time.GetUtcNow()) is { } hint
            ? (hint.Delay > cap ? cap : hint.Delay)
            : null;

    private static int? StatusOf(Outcome<HttpResponseMessage> outcome) => outcome.Result is { } r ? (int)r.StatusCode : null;

    private static int AttemptOf(ResilienceContext? context) =>
        context is not null && context.Properties.TryGetValue(ResilientHttpHandler.AttemptKey, out var counter) ? counter.Current : 0;

    /// <summary>Request body bytes / 4, at least 1: a rough input-token count that needs no tokenizer and no body parsing.</summary>
    private static double EstimatedTokens(ResilienceContext context) =>
        context.Properties.TryGetValue(ResilientHttpHandler.RequestKey, out var request) && request.Content?.Headers.ContentLength is { } length
            ? Math.Max(1, length / 4.0)
            : 1;
}
