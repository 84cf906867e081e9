using System.ComponentModel;
using CrossCheck.Ingest;
using CrossCheck.Provenance;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck verify-log &lt;run&gt;</c>: checks the provenance hash chain and names the first broken record.</summary>
public sealed class VerifyLogCommand : Command<VerifyLogCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("A run folder (runs/<id>) or its provenance.jsonl.")]
        public string Run { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = Directory.Exists(settings.Run) ? Path.Combine(settings.Run, "provenance.jsonl") : settings.Run;
        using var host = CliHost.BuildValidated(settings.Verbose);
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no provenance log here; give a run folder or its provenance.jsonl.");
        }
        var result = ProvenanceVerifier.VerifyRun(path);
        Console.WriteLine($"{path}: {result}");
        return result.ChainHolds ? ExitCodes.Ok : ExitCodes.VerificationFailed;
    }
}
