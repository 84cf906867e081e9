using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The PostgreSQL profile: Hangfire.PostgreSql for jobs (a job whose worker dies becomes visible to the others after
/// <see cref="ServeOptions.InvisibilityTimeoutSeconds"/>), runs with their leases, the providers' shared token
/// buckets and the response cache in CrossCheck's own tables (<see cref="PgSchema"/>, migrated on start). Uploads and run folders stay in
/// <see cref="ServeOptions.DataRoot"/>, which every process must share.
/// </summary>
public static class PostgresProfile
{
    public static JobStorage Add(IServiceCollection services, ServeOptions serve)
    {
        NpgsqlDataSource dataSource;
        try
        {
            dataSource = NpgsqlDataSource.Create(serve.Store!);
            PgSchema.MigrateAsync(dataSource, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            throw new Ingest.InputException($"--store: cannot use this PostgreSQL database ({e.Message.TrimEnd('.')}); check the connection string (Host=…;Port=…;Username=…;Database=…).", e);
        }
        services.AddSingleton(dataSource);
        services.AddSingleton<IRunStore>(new PgRunStore(dataSource));
        services.AddSingleton<IRateGate>(new PgRateGate(dataSource));
        services.AddSingleton<IProvenanceChain>(sp => new PgProvenanceChain(dataSource, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IBudgetGate>(new PgBudgetGate(dataSource));
        // Registered after the composition root's SQLite file, so this one is what the panel's clients use.
        services.AddSingleton<Caching.IResponseStore>(sp => new PgResponseStore(dataSource, sp.GetRequiredService<TimeProvider>()));
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            InvisibilityTimeout = TimeSpan.FromSeconds(serve.InvisibilityTimeoutSeconds),
            UseSlidingInvisibilityTimeout = true,
            QueuePollInterval = TimeSpan.FromMilliseconds(500),
            // A queued job wakes an idle worker at once (LISTEN/NOTIFY) instead of at its next poll: each claim is a
            // job, so a poll's wait would be paid once per claim.
            EnableLongPolling = true,
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(serve.Store, options), options);
    }
}
