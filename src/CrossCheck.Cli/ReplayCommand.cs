using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using CrossCheck.Panel;
using CrossCheck.Running;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck replay &lt;run&gt;</c>: rebuilds every report of a finished run from its log, calling no model.</summary>
public sealed class ReplayCommand : AsyncCommand<ReplayCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("A finished run folder (runs/<id>).")]
        public string Run { get; init; } = "";

        [CommandOption("-o|--out <DIR>")]
        [Description("Where to write the rebuilt run folder. Default: <RUN>/replay")]
        public string? Out { get; init; }

        [CommandOption("--aggregate <RULE>")]
        [Description("Re-decide every final verdict with this rule (reconciler-with-guards, majority, strictest) from the recorded answers, calling no model.")]
        public string? Aggregate { get; init; }

        public override Spectre.Console.ValidationResult Validate() =>
            Aggregate is { } rule && !AggregationRules.TryParse(rule, out _)
                ? Spectre.Console.ValidationResult.Error($"--aggregate: unknown rule '{rule}'; use {string.Join(", ", AggregationRules.All.Select(r => r.Name()))}")
                : Spectre.Console.ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var host = CliHost.BuildValidated(settings.Verbose);
        var output = settings.Out ?? Path.Combine(settings.Run, "replay");
        var options = Replayer.OptionsFor(settings.Run, output, AggregationRules.TryParse(settings.Aggregate, out var rule) ? rule : null);
        // Replay answers every call from the log; the runner's providers are never asked.
        Runs.RunResult result;
        try
        {
            result = await host.Services.GetRequiredService<CheckRunner>().RunAsync(options, null, cancellationToken);
        }
        catch (Provenance.ReplayGapException e)
        {
            Output.Error(e.Message);
            return ExitCodes.VerificationFailed;
        }
        Console.WriteLine($"replayed {result.RunId}: {result.Outcomes.Count} claims, no model called{(settings.Aggregate is null ? "" : $", final verdicts by {options.PanelOptions.Aggregation.Name()}")}. Reports in {result.Folder}");
        if (!result.Complete)
        {
            Output.Error($"the replayed run is incomplete (--max-cost reached): {result.UncheckedClaims.Count} claim(s) left unchecked by the panel.");
        }
        // The replay ends as the run did, so a pipeline that gates on the run can gate on its replay.
        return !result.Complete ? ExitCodes.BudgetReached : result.FailingVerdicts.Count > 0 ? ExitCodes.FailOnVerdictFound : ExitCodes.Ok;
    }
}
