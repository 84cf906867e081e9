using CrossCheck.Server.Jobs;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The two storage profiles behind the same interfaces. Embedded (default): Hangfire.InMemory, one JSON record per run
/// on disk, the SQLite response cache and the in-process limits. PostgreSQL: see <see cref="PostgresProfile"/>.
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
            services.AddSingleton<IRunStore>(new FileRunStore(serve.DataRoot));
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
