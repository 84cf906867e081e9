using Microsoft.Extensions.Configuration;

namespace CrossCheck.Cli;

/// <summary>The configuration every command reads: appsettings.json beside the program, then ./config/appsettings.json, then environment variables.</summary>
public static class Configuration
{
    public static IConfigurationBuilder AddCrossCheckSources(this IConfigurationBuilder builder) =>
        builder
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "config", "appsettings.json"), optional: true)
            .AddEnvironmentVariables();

    public static IConfiguration Load() => new ConfigurationBuilder().AddCrossCheckSources().Build();
}
