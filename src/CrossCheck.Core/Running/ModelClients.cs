using CrossCheck.Caching;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Provenance;
using CrossCheck.Runs;

namespace CrossCheck.Running;

/// <summary>
/// Each panelist's client for a run, outermost first: answers the log already holds (resume, replay) → the
/// response cache → the provider's client (behind its Polly pipeline). A replay has no provider: a request the
/// log does not hold fails.
/// </summary>
public static class ModelClients
{
    public static Func<PanelistSpec, IModelClient>? For(RunOptions options, RecordedAnswers recorded, PanelServices? services, SincePlan? since = null)
    {
        if (options.Replay is not null)
        {
            return p => Logged(new RecordedModelClient(p, recorded, null), services);
        }
        if (services is null)
        {
            return null;
        }
        return p =>
        {
            var builder = new ModelClientBuilder(services.ClientFor(p)).Use(inner => new Telemetry.TelemetryModelClient(inner));
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

    private static IModelClient Logged(IModelClient client, PanelServices? services) =>
        services?.Logging is { } logging ? new LoggingModelClient(client, logging.CreateLogger("CrossCheck.ModelCalls")) : client;
}
