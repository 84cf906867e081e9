using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCheck.Server.Stores;

/// <summary>The PostgreSQL profile: Hangfire.PostgreSql for jobs, runs and the shared provider rate gate in PostgreSQL.</summary>
public static class PostgresProfile
{
    public static JobStorage Add(IServiceCollection services, ServeOptions serve) =>
        throw new Ingest.InputException("--store: the PostgreSQL profile is not available in this build yet; leave --store out for the embedded profile.");
}
