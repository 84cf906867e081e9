using CrossCheck.Hosting;
using CrossCheck.Panel.Providers;
using CrossCheck.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCheck.Tests.Support;

/// <summary>
/// The program's composition root (<see cref="ServiceCollectionExtensions.AddCrossCheck"/>) for in-process tests: the
/// providers found in <paramref name="environment"/> (the emulator's), the given resilience options and clock put in
/// first, and no response cache unless a path is given.
/// </summary>
public static class TestServices
{
    public static ServiceProvider Build(
        IReadOnlyDictionary<string, string?> environment,
        ProviderResilienceOptions? resilience = null,
        TimeProvider? time = null,
        string? cachePath = null,
        IReadOnlyDictionary<string, string?>? configuration = null)
    {
        // The emulator has no account limits: lift the providers' client-side rate limits, as CliRunner does.
        var config = new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>
        {
            ["CrossCheck:Resilience:Default:RequestsPerMinute"] = "0",
            ["CrossCheck:Resilience:Default:TokensPerMinute"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(ProviderRegistry.Create(config, environment));
        services.AddSingleton(time ?? TimeProvider.System);
        if (resilience is not null)
        {
            services.AddSingleton<Func<string, ProviderResilienceOptions>>(_ => resilience);
        }
        services.AddCrossCheck(config);
        services.Configure<CrossCheckOptions>(o =>
        {
            o.NoCache = cachePath is null;
            o.CachePath = cachePath;
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
