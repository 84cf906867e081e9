using CrossCheck.Checks;
using CrossCheck.Ingest;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using CrossCheck.Caching;
using CrossCheck.Costs;
using CrossCheck.Resilience;
using CrossCheck.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck check</c>: runs one job inside the Generic Host and exits with a documented code.</summary>
public sealed class CheckCommand : AsyncCommand<CheckSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddCrossCheckSources();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter((category, level) => level >= LogLevel.Warning);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);

        RunOptions options;
        ProviderRegistry registry;
        try
        {
            registry = ProviderRegistry.FromProcessEnvironment(builder.Configuration);
            options = BuildOptions(settings, builder.Configuration.GetSection("CrossCheck"), Environment.GetCommandLineArgs(), registry);
        }
        catch (Exception e) when (e is InputException or ProviderConfigurationException)
        {
            Output.Error(e.Message);
            return ExitCodes.UsageOrInput;
        }
        PanelServices services;
        try
        {
            services = BuildServices(builder.Configuration, registry, settings.NoCache);
        }
        catch (Exception e) when (e is ProviderConfigurationException or InvalidOperationException)
        {
            Output.Error(e.Message);
            return ExitCodes.UsageOrInput;
        }
        if (settings.Estimate)
        {
            return await EstimateAsync(options, services, cancellationToken);
        }
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton(services);
        var outcome = new JobOutcome();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(outcome);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new Output(settings.Quiet));
        builder.Services.AddHostedService<CheckWorker>();
        using var host = builder.Build();
        await host.RunAsync(cancellationToken);
        return outcome.ExitCode ?? ExitCodes.Cancelled;
    }

    /// <summary>Provider clients behind one Polly pipeline per provider, the response cache and the price table.</summary>
    internal static PanelServices BuildServices(IConfiguration config, ProviderRegistry registry, bool noCache)
    {
        var relay = new EventRelay<ResilienceEvent>();
        var http = ProviderHttpClients.FromConfiguration(config, TimeProvider.System, relay.Publish);
        var factory = new ModelClientFactory(registry, TimeProvider.System, http.ClientFactory);
        var cachePath = config["CrossCheck:CachePath"] ?? ResponseCache.DefaultPath(Environment.GetEnvironmentVariable);
        return new PanelServices(factory.Create)
        {
            Cache = noCache ? null : new ResponseCache(cachePath, TimeProvider.System),
            CacheMode = noCache ? CacheMode.Off : CacheMode.ReadWrite,
            CacheScope = p => registry.Get(p.Provider).BaseUrl ?? "",
            Prices = PriceTable.FromConfiguration(config),
            IsAvailable = p => !http.IsProviderDown(p.Provider),
            ResilienceEvents = relay,
        };
    }

    private static async Task<int> EstimateAsync(RunOptions options, PanelServices services, CancellationToken cancellationToken)
    {
        try
        {
            var estimate = await new CheckRunner(TimeProvider.System, Random.Shared, services).EstimateAsync(options, cancellationToken);
            Output.Estimate(estimate, options);
            return ExitCodes.Ok;
        }
        catch (InputException e)
        {
            Output.Error(e.Message);
            return ExitCodes.UsageOrInput;
        }
    }

    internal static RunOptions BuildOptions(CheckSettings settings, IConfiguration config, string[] commandLine, ProviderRegistry registry)
    {
        var panelText = settings.Panel ?? config["Panel"];
        var panel = string.IsNullOrWhiteSpace(panelText) ? [] : PanelParser.Parse(panelText, registry);
        registry.Validate(panel);
        var failOn = new List<Verdict>();
        foreach (var name in (settings.FailOn ?? config["FailOn"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!VerdictNames.TryParse(name, out var verdict))
            {
                throw new InputException($"--fail-on: unknown verdict '{name}'; use {string.Join(", ", VerdictNames.All.Select(v => v.Name()))}.");
            }
            failOn.Add(verdict);
        }
        var limits = new IngestLimits();
        if (long.TryParse(config["Limits:MaxEssayMiB"], out var essayMiB) && essayMiB > 0)
        {
            limits = limits with { MaxEssayBytes = essayMiB * IngestLimits.MiB };
        }
        if (long.TryParse(config["Limits:MaxSourceMiB"], out var sourceMiB) && sourceMiB > 0)
        {
            limits = limits with { MaxSourceBytes = sourceMiB * IngestLimits.MiB };
        }
        var budget = settings.Budget ?? (int.TryParse(config["EvidenceTokenBudget"], out var b) && b > 0 ? b : 2000);
        return new RunOptions
        {
            EssayPath = settings.Essay,
            SourcePaths = settings.Sources,
            OutputRoot = settings.Out ?? config["OutputRoot"] ?? "runs",
            RunId = settings.RunId,
            EvidenceTokenBudget = budget,
            FailOn = failOn,
            Limits = limits,
            Panel = panel,
            PanelOptions = new PanelOptions
            {
                Rounds = settings.Rounds ?? (int.TryParse(config["Rounds"], out var r) && r > 0 ? r : 1),
                Extract = !settings.NoExtract && !string.Equals(config["Extract"], "false", StringComparison.OrdinalIgnoreCase),
                MaxParallelClaims = settings.Parallel ?? new PanelOptions().MaxParallelClaims,
            },
            PromptsFolder = settings.Prompts ?? config["Prompts"],
            ResumeRunId = settings.Resume,
            MaxCost = settings.MaxCost ?? (decimal.TryParse(config["MaxCost"], System.Globalization.CultureInfo.InvariantCulture, out var max) ? max : null),
            AutoResume = !settings.NoResume,
            CommandLine = "crosscheck " + string.Join(' ', commandLine.Skip(1).Select(Quote)),
        };
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or ',' or '=' or '@') ? arg : $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
