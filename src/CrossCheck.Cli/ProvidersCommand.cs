using System.ComponentModel;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck providers [--ping]</c>: lists the providers found in config and the environment, keys masked.</summary>
public sealed class ProvidersCommand : AsyncCommand<ProvidersCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--ping")]
        [Description("Send a tiny request to each provider and report whether it answered.")]
        public bool Ping { get; init; }

        [CommandOption("--panel <LIST>")]
        [Description("With --ping: check exactly these panelists (provider:model,...) with a one-token request, as a run's preflight does.")]
        public string? Panel { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var host = CliHost.BuildValidated(settings.Verbose);
        var registry = host.Services.GetRequiredService<ProviderRegistry>();
        foreach (var line in registry.Describe())
        {
            Console.WriteLine(line);
        }
        if (!settings.Ping)
        {
            return ExitCodes.Ok;
        }
        var factory = host.Services.GetRequiredService<ModelClientFactory>();
        if (settings.Panel is { } panelText)
        {
            var panel = PanelParser.Parse(panelText, registry);
            registry.Validate(panel);
            var checks = await Preflight.CheckAsync(panel, factory.Create, cancellationToken);
            foreach (var c in checks)
            {
                Console.WriteLine($"{c.Panelist.Id,-34} {(c.Ok ? "ok  " : "FAIL")} {(c.StatusCode is { } s ? $"HTTP {s} " : "")}{(c.Ok ? "" : c.Message)}");
            }
            return checks.All(c => c.Ok) ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        }
        // The factory of the composition root: each ping goes through the provider's Polly pipeline, as a run's calls do.
        var results = await registry.PingAsync(factory, cancellationToken);
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Provider,-10} {(r.Ok ? "ok  " : "FAIL")} {r.Model ?? "-",-24} {r.Latency.TotalMilliseconds,7:0} ms  {r.Message}");
        }
        return results.All(r => r.Ok) ? ExitCodes.Ok : ExitCodes.VerificationFailed;
    }
}
