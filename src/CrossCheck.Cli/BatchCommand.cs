using System.ComponentModel;
using CrossCheck.Batch;
using CrossCheck.Hosting;
using CrossCheck.Panel.Providers;
using CrossCheck.Running;
using CrossCheck.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary>
/// <c>crosscheck batch &lt;manifest&gt;</c>: checks every essay of a manifest with one panel, one budget (each essay may
/// spend what the ones before it left) and one response cache, one run folder per essay, then a batch summary.
/// </summary>
public sealed class BatchCommand : AsyncCommand<BatchCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<MANIFEST>")]
        [Description("A YAML or JSON manifest: panel, max_cost, trials, aggregate, rounds, no_extract, and essays: [{id, essay, sources}].")]
        public string Manifest { get; init; } = "";

        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for the essays' run folders and batch-summary.csv/json/html. Default: batch")]
        public string Out { get; init; } = "batch";

        [CommandOption("-q|--quiet")]
        [Description("No progress lines on stderr.")]
        public bool Quiet { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var manifest = BatchManifest.Load(settings.Manifest);
        using var host = CliHost.BuildValidated(settings.Verbose);
        var config = host.Services.GetRequiredService<IOptions<CrossCheckOptions>>().Value;
        var registry = host.Services.GetRequiredService<ProviderRegistry>();
        var runner = host.Services.GetRequiredService<CheckRunner>();
        var output = new Output(settings.Quiet);
        var results = new List<RunResult>();
        var failed = new List<string>();
        var spent = 0m;
        foreach (var essay in manifest.Essays)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var check = new CheckSettings
            {
                Essay = essay.Essay,
                Sources = [.. essay.Sources],
                Out = settings.Out,
                RunId = essay.Id,
                Panel = manifest.Panel,
                Rounds = manifest.Rounds,
                NoExtract = manifest.NoExtract,
                Trials = manifest.Trials,
                Aggregate = manifest.Aggregate,
                MaxCost = manifest.MaxCost is { } budget ? Math.Max(0m, budget - spent) : null,
                NoResume = true,
            };
            if (check.Validate() is { Successful: false } invalid)
            {
                throw new Ingest.InputException($"{settings.Manifest}: {invalid.Message}");
            }
            var options = CheckCommand.BuildOptions(check, config, ["crosscheck", "batch", settings.Manifest, "--essay", essay.Id], registry);
            var result = await runner.RunAsync(options, output.Progress, cancellationToken);
            spent += Reports.RunSummary.From(result).Cost?.CostUsd ?? 0m;
            results.Add(result);
            if (!result.Complete)
            {
                failed.Add(essay.Id);
                Output.Error($"{essay.Id}: the batch budget (max_cost {manifest.MaxCost} USD) ran out: {result.UncheckedClaims.Count} claim(s) left unchecked.");
            }
            Console.WriteLine($"{essay.Id}: {result.Outcomes.Count} claims → {result.Folder}");
        }
        var summary = BatchSummary.From(results, failed);
        BatchSummaryWriter.WriteAll(summary, settings.Out);
        Console.WriteLine($"batch of {results.Count} essay(s): summary in {Path.Combine(settings.Out, "batch-summary.csv")}, .json and .html");
        return failed.Count > 0 ? ExitCodes.BudgetReached : ExitCodes.Ok;
    }
}
