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
        [Description("Folder to write essay.md and source.pdf into. Default: a new folder crosscheck-sample (crosscheck-sample-2... if that exists). The files are the same bytes on every run.")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var host = CliHost.BuildValidated(settings.Verbose);
        var (essay, source) = SampleGenerator.Write(settings.Out ?? NewFolder(Directory.GetCurrentDirectory()));
        Console.WriteLine($"wrote {essay} and {source}");
        Console.WriteLine($"try: crosscheck check {essay} --source {source}");
        return ExitCodes.Ok;
    }

    /// <summary>The first of crosscheck-sample, crosscheck-sample-2, ... that does not exist yet, so no file of the user's is overwritten.</summary>
    public static string NewFolder(string parent)
    {
        for (var n = 1; ; n++)
        {
            var name = n == 1 ? "crosscheck-sample" : $"crosscheck-sample-{n}";
            if (!Directory.Exists(Path.Combine(parent, name)) && !File.Exists(Path.Combine(parent, name)))
            {
                return name;
            }
        }
    }
}
