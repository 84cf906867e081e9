using System.ComponentModel;
using CrossCheck.Compare;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck compare &lt;runA&gt; &lt;runB&gt;</c>: what changed between two runs, as Markdown (printed), JSON and side-by-side HTML.</summary>
public sealed class CompareCommand : Command<CompareCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<RUN_A>")]
        [Description("The earlier run folder (runs/<id>).")]
        public string Before { get; init; } = "";

        [CommandArgument(1, "<RUN_B>")]
        [Description("The later run folder.")]
        public string After { get; init; } = "";

        [CommandOption("-o|--out <DIR>")]
        [Description("Where to write compare.md, compare.json and compare.html. Default: compare-<A>-<B>")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var comparison = RunComparison.Of(RunSnapshot.Load(settings.Before), RunSnapshot.Load(settings.After));
        var folder = settings.Out ?? $"compare-{comparison.Before.RunId}-{comparison.After.RunId}";
        ComparisonWriter.WriteAll(comparison, folder);
        Console.Write(ComparisonWriter.Markdown(comparison));
        Console.WriteLine($"written to {folder}/compare.md, compare.json, compare.html");
        return ExitCodes.Ok;
    }
}
