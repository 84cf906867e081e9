using CrossCheck.Caching;
using CrossCheck.Costs;
using CrossCheck.Panel.Providers;
using CrossCheck.Resilience;
using CrossCheck.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCheck.Hosting;

/// <summary>
/// The composition root: the one place that builds CrossCheck's services. Every command, the tests and the bench
/// go through it. Registrations use TryAdd, so a host (or a test) may put its own clock, provider registry or
/// HTTP transport in first.
/// </summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddCrossCheck(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        services.AddSingleton<IConfigureOptions<CrossCheckOptions>>(new CrossCheckOptionsSetup(configuration));
        services.AddSingleton<IValidateOptions<CrossCheckOptions>, CrossCheckOptionsValidator>();
        services.AddOptions<CrossCheckOptions>().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(Random.Shared);
        services.TryAddSingleton(_ => ProviderRegistry.FromProcessEnvironment(configuration));
        services.TryAddSingleton(_ => PriceTable.FromConfiguration(configuration));
        services.TryAddSingleton<EventRelay<ResilienceEvent>>();
        services.TryAddSingleton<Func<string, ProviderResilienceOptions>>(_ => p => ProviderResilienceOptions.FromConfiguration(configuration, p));
        services.TryAddSingleton(sp => new ProviderHttpClients(
            sp.GetRequiredService<Func<string, ProviderResilienceOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            Telemetry.CrossCheckTelemetry.Relay(sp.GetRequiredService<EventRelay<ResilienceEvent>>().Publish),
            sp.GetService<Func<string, HttpMessageHandler>>()));
        services.TryAddSingleton(sp => new ModelClientFactory(
            sp.GetRequiredService<ProviderRegistry>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ProviderHttpClients>().ClientFactory));
        services.TryAddSingleton(sp => new ResponseCache(
            sp.GetRequiredService<IOptions<CrossCheckOptions>>().Value.CachePath ?? ResponseCache.DefaultPath(Environment.GetEnvironmentVariable),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IResponseStore>(sp => sp.GetRequiredService<ResponseCache>());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CrossCheckOptions>>().Value;
            var registry = sp.GetRequiredService<ProviderRegistry>();
            var http = sp.GetRequiredService<ProviderHttpClients>();
            return new PanelServices(sp.GetRequiredService<ModelClientFactory>().Create)
            {
                Cache = options.NoCache ? null : sp.GetRequiredService<IResponseStore>(),
                CacheMode = options.NoCache ? CacheMode.Off : CacheMode.ReadWrite,
                CacheScope = p => registry.Get(p.Provider).BaseUrl ?? "",
                Prices = sp.GetRequiredService<PriceTable>(),
                IsAvailable = p => !http.IsProviderDown(p.Provider),
                ResilienceEvents = sp.GetRequiredService<EventRelay<ResilienceEvent>>(),
                Logging = sp.GetService<ILoggerFactory>(),
                SigningKey = LoadSigningKey,
            };
        });
        services.TryAddTransient(sp => new CheckRunner(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Random>(), sp.GetRequiredService<PanelServices>()));
        return services;
    }

    /// <summary>The installation's signing key, made on first use; null (the run is left unsigned) when the profile folder cannot hold it.</summary>
    public static Safety.InstallationKey? LoadSigningKey()
    {
        try
        {
            return Safety.InstallationKey.LoadOrCreate(Safety.InstallationKey.DefaultDirectory(Environment.GetEnvironmentVariable));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }
}
