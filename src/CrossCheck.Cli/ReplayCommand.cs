using System.ComponentModel;
using CrossCheck.Ingest;
using CrossCheck.Running;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck replay &lt;run&gt;</c>: rebuilds every report of a finished run from its log, calling no model.</summary>
public sealed class ReplayCommand : AsyncCommand<ReplayCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("A finished run folder (runs/<id>).")]
        public string Run { get; init; } = "";

        [CommandOption("-o|--out <DIR>")]
        [Description("Where to write the rebuilt run folder. Default: <RUN>/replay")]
        public string? Out { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var output = settings.Out ?? Path.Combine(settings.Run, "replay");
            var options = Replayer.OptionsFor(settings.Run, output);
            var result = await new CheckRunner(TimeProvider.System, Random.Shared).RunAsync(options, null, cancellationToken);
            Console.WriteLine($"replayed {result.RunId}: {result.Outcomes.Count} claims, no model called. Reports in {result.Folder}");
            return ExitCodes.Ok;
        }
        catch (InputException e)
        {
            Output.Error(e.Message);
            return ExitCodes.UsageOrInput;
        }
    }
}
