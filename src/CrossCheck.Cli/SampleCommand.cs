using System.ComponentModel;
using CrossCheck.Samples;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck sample</c>: writes the sample essay and its generated source PDF.</summary>
public sealed class SampleCommand : Command<SampleCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder to write essay.md and source.pdf into. Default: samples")]
        public string Out { get; init; } = "samples";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var host = CliHost.BuildValidated(settings.Verbose);
        var (essay, source) = SampleGenerator.Write(settings.Out);
        Console.WriteLine($"wrote {essay} and {source}");
        Console.WriteLine($"try: crosscheck check {essay} --source {source}");
        return ExitCodes.Ok;
    }
}
