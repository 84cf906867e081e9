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

        [CommandOption("--key <FILE>")]
        [Description("A public key (PEM, from 'crosscheck key export') that must have signed the run's log head.")]
        public string? Key { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = Directory.Exists(settings.Run) ? Path.Combine(settings.Run, "provenance.jsonl") : settings.Run;
        using var host = CliHost.BuildValidated(settings.Verbose);
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no provenance log here; give a run folder or its provenance.jsonl.");
        }
        string? pinned = null;
        if (settings.Key is { } keyFile)
        {
            try
            {
                pinned = File.ReadAllText(keyFile);
                _ = Safety.InstallationKey.IdOfPem(pinned);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                throw new InputException($"{keyFile}: not a readable public key ({e.Message.TrimEnd('.')}); export one with 'crosscheck key export > key.pem'.", e);
            }
        }
        var result = ProvenanceVerifier.VerifyRun(path, pinned);
        Console.WriteLine($"{path}: {result}");
        return result.ChainHolds ? ExitCodes.Ok : ExitCodes.VerificationFailed;
    }
}
