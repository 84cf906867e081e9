using CrossCheck.Server.Jobs;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The two storage profiles behind the same interfaces. Embedded (default): Hangfire.InMemory, one JSON record per run
/// on disk, the SQLite response cache and the in-process limits (a configured shared limit is a bucket in this process). PostgreSQL: see <see cref="PostgresProfile"/>.
/// </summary>
public static class StorageProfile
{
    public static void Add(IServiceCollection services, ServeOptions serve)
    {
        // Hangfire keeps its log provider in a static; a previous host in this process (tests) may have disposed the one it set.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        JobStorage storage;
        if (serve.IsPostgres)
        {
            storage = PostgresProfile.Add(services, serve);
        }
        else
        {
            storage = new InMemoryStorage();
            services.AddSingleton<IRunStore>(sp => new FileRunStore(serve.DataRoot, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IRateGate>(sp => new LocalRateGate(sp.GetRequiredService<TimeProvider>()));
            // The run folder's own log is the run's chain: one process writes it.
            services.AddSingleton<IProvenanceChain>(sp => new FileProvenanceChain(runId => Path.Combine(serve.RunsRoot, $".{runId}.partial", "provenance.jsonl"), sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IBudgetGate>(new LocalBudgetGate());
        }
        if (serve.SharedRequestsPerSecond.Count > 0)
        {
            var rates = serve.SharedRequestsPerSecond.ToDictionary(p => Models.ProviderNames.Canonical(p.Key), p => p.Value, StringComparer.Ordinal);
            // The providers' innermost handler (see ProviderHttpClients): each attempt passes the shared gate before it is sent.
            services.AddSingleton<Func<string, HttpMessageHandler>>(sp => provider =>
            {
                var transport = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = System.Net.DecompressionMethods.All };
                return rates.TryGetValue(provider, out var rate) && rate > 0
                    ? new RateGateHandler(sp.GetRequiredService<IRateGate>(), provider, rate, Math.Max(1, serve.SharedBurst), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ServeMetrics>().ProviderWaited) { InnerHandler = transport }
                    : transport;
            });
        }
        services.AddSingleton(storage);
        services.AddHangfire((_, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(storage));
        services.AddHangfireServer((_, o) =>
        {
            o.WorkerCount = serve.Workers;
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            o.ShutdownTimeout = TimeSpan.FromSeconds(15);
        });
    }
}
