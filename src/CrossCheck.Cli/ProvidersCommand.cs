using System.ComponentModel;
using CrossCheck.Panel.Providers;
using Microsoft.Extensions.Configuration;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck providers [--ping]</c>: lists the providers found in config and the environment, keys masked.</summary>
public sealed class ProvidersCommand : AsyncCommand<ProvidersCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--ping")]
        [Description("Send a tiny request to each provider and report whether it answered.")]
        public bool Ping { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ProviderRegistry registry;
        try
        {
            registry = ProviderRegistry.FromProcessEnvironment(Configuration.Load());
        }
        catch (ProviderConfigurationException e)
        {
            Output.Error(e.Message);
            return ExitCodes.UsageOrInput;
        }
        foreach (var line in registry.Describe())
        {
            Console.WriteLine(line);
        }
        if (!settings.Ping)
        {
            return ExitCodes.Ok;
        }
        var results = await registry.PingAsync(new ModelClientFactory(registry, TimeProvider.System), cancellationToken);
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Provider,-10} {(r.Ok ? "ok  " : "FAIL")} {r.Model ?? "-",-24} {r.Latency.TotalMilliseconds,7:0} ms  {r.Message}");
        }
        return results.All(r => r.Ok) ? ExitCodes.Ok : ExitCodes.VerificationFailed;
    }
}
