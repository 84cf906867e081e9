using CrossCheck.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCheck.Cli;

/// <summary>
/// The one Generic Host every command runs in: configuration (appsettings.json beside the program, then
/// ./config/appsettings.json, then environment variables), logging to stderr, and the composition root
/// <see cref="ServiceCollectionExtensions.AddCrossCheck"/>.
/// </summary>
public static class CliHost
{
    public static IHost Build(bool verbose, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddCrossCheckSources();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter(null, verbose ? LogLevel.Debug : LogLevel.Warning);
        // The host's own start/stop failures reach the user as one error line from the command, not as a log entry too.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", verbose ? LogLevel.Debug : LogLevel.None);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddCrossCheck(builder.Configuration);
        CliTelemetry.AddIfConfigured(builder);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Builds the host and runs its start-up validation (what <c>ValidateOnStart</c> asks for) without starting it: for commands that need no hosted worker.</summary>
    public static IHost BuildValidated(bool verbose, Action<IServiceCollection>? configure = null)
    {
        var host = Build(verbose, configure);
        try
        {
            if (host.Services.GetService<IAsyncStartupValidator>() is { } validator)
            {
                validator.ValidateAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }
}
