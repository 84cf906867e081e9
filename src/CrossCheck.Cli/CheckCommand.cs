using CrossCheck.Checks;
using CrossCheck.Hosting;
using CrossCheck.Ingest;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using CrossCheck.Running;
using CrossCheck.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck check</c>: runs one job inside the Generic Host and exits with a documented code.</summary>
public sealed class CheckCommand : AsyncCommand<CheckSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        var outcome = new JobOutcome();
        using var host = CliHost.BuildValidated(settings.Verbose, services =>
        {
            services.Configure<CrossCheckOptions>(o => o.NoCache |= settings.NoCache);
            services.AddSingleton(settings);
            services.AddSingleton(new CheckRequest(settings, Environment.GetCommandLineArgs()));
            services.AddSingleton(outcome);
            services.AddSingleton(new Output(settings.Quiet));
            services.AddHostedService<CheckWorker>();
        });
        await host.RunAsync(cancellationToken);
        return outcome.ExitCode ?? ExitCodes.Cancelled;
    }

    /// <summary>The run asked for: the command line's settings over the validated configuration.</summary>
    internal static RunOptions BuildOptions(CheckSettings settings, CrossCheckOptions config, string[] commandLine, ProviderRegistry registry)
    {
        var panelText = settings.Panel ?? config.Panel;
        var panel = string.IsNullOrWhiteSpace(panelText) ? [] : PanelParser.Parse(panelText, registry);
        if (!settings.Estimate)
        {
            // An estimate calls nothing, so it needs no keys: a user prices a panel before signing up for it.
            registry.Validate(panel);
        }
        var failOn = new List<Verdict>();
        foreach (var name in (settings.FailOn ?? config.FailOn ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!VerdictNames.TryParse(name, out var verdict))
            {
                throw new InputException($"--fail-on: unknown verdict '{name}'; use {string.Join(", ", VerdictNames.All.Select(v => v.Name()))}.");
            }
            failOn.Add(verdict);
        }
        var limits = new IngestLimits { StrictInputs = settings.StrictInputs };
        if (config.MaxEssayMiB is { } essayMiB)
        {
            limits = limits with { MaxEssayBytes = essayMiB * IngestLimits.MiB };
        }
        if (config.MaxSourceMiB is { } sourceMiB)
        {
            limits = limits with { MaxSourceBytes = sourceMiB * IngestLimits.MiB };
        }
        if (config.MaxClaims is > 0 and var maxClaims)
        {
            limits = limits with { MaxClaims = maxClaims };
        }
        return new RunOptions
        {
            EssayPath = settings.Essay,
            SourcePaths = settings.Sources,
            OutputRoot = settings.Out ?? config.OutputRoot,
            RunId = settings.RunId,
            EvidenceTokenBudget = settings.Budget ?? config.EvidenceTokenBudget,
            FailOn = failOn,
            Limits = limits,
            Panel = panel,
            PanelOptions = new PanelOptions
            {
                Rounds = settings.Rounds ?? config.Rounds,
                Extract = !settings.NoExtract && config.Extract,
                Preflight = config.Preflight,
                MaxParallelClaims = settings.Parallel ?? new PanelOptions().MaxParallelClaims,
                Trials = settings.Trials ?? 1,
                Aggregation = AggregationRules.TryParse(settings.Aggregate, out var rule) ? rule : AggregationRule.ReconcilerWithGuards,
            },
            Since = settings.Since,
            PromptsFolder = settings.Prompts ?? config.Prompts,
            ResumeRunId = settings.Resume,
            MaxCost = settings.MaxCost ?? config.MaxCost,
            AutoResume = !settings.NoResume,
            SourceLinks = settings.SourcesInRun is { } sources ? Enum.Parse<SourceLinkMode>(sources, ignoreCase: true) : SourceLinkMode.Copy,
            CommandLine = "crosscheck " + string.Join(' ', commandLine.Skip(1).Select(Quote)),
        };
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or ',' or '=' or '@') ? arg : $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
