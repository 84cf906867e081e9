using CrossCheck.Caching;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Provenance;
using CrossCheck.Runs;

namespace CrossCheck.Running;

/// <summary>
/// Each panelist's client for a run, built with one <see cref="ModelClientBuilder"/>, outermost first: the run's
/// <see cref="CallMiddleware"/> (budget gate → provenance log → cost meter) → telemetry → logging → answers the log
/// already holds (resume, replay) → answers carried from <c>--since</c> → the response cache → the provider's client
/// (behind its Polly pipeline). A replay has no provider: a request the log does not hold fails.
/// </summary>
public static class ModelClients
{
    public static Func<PanelistSpec, IModelClient>? For(RunOptions options, RecordedAnswers recorded, PanelServices? services, CallMiddleware middleware, SincePlan? since = null)
    {
        if (options.Replay is not null)
        {
            return p =>
            {
                var replay = middleware.AddTo(new ModelClientBuilder(new RecordedModelClient(p, recorded, null)));
                if (services?.Logging is { } logging)
                {
                    replay.Use(inner => new LoggingModelClient(inner, logging.CreateLogger("CrossCheck.ModelCalls")));
                }
                return replay.Build();
            };
        }
        if (services is null)
        {
            return null;
        }
        return p =>
        {
            var builder = middleware.AddTo(new ModelClientBuilder(services.ClientFor(p))).Use(inner => new Telemetry.TelemetryModelClient(inner));
            if (services.Logging is { } logging)
            {
                builder.Use(inner => new LoggingModelClient(inner, logging.CreateLogger("CrossCheck.ModelCalls")));
            }
            builder.Use(inner => new RecordedModelClient(p, recorded, inner));
            if (since is not null)
            {
                builder.Use(inner => new CarriedModelClient(p, since.Answers, inner, since.Tally));
            }
            if (services.CacheMode != CacheMode.Off)
            {
                builder.Use(inner => new CachingModelClient(inner, services.Cache, services.CacheMode, _ => services.CacheScope?.Invoke(p) ?? ""));
            }
            return builder.Build();
        };
    }
}
