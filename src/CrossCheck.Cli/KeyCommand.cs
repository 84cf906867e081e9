using System.ComponentModel;
using CrossCheck.Hosting;
using CrossCheck.Ingest;
using CrossCheck.Safety;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck key export|show</c>: the installation's signing key (public half only), for editors to pin.</summary>
public sealed class KeyCommand : Command<KeyCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<ACTION>")]
        [Description("export (print the public key as PEM) or show (its id and file).")]
        public string Action { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var host = CliHost.BuildValidated(settings.Verbose);
        if (settings.Action is not ("export" or "show"))
        {
            Output.Error($"key: unknown action '{settings.Action}'; use 'crosscheck key export' or 'crosscheck key show'.");
            return ExitCodes.UsageOrInput;
        }
        using var key = ServiceCollectionExtensions.LoadSigningKey()
            ?? throw new InputException($"{InstallationKey.DefaultDirectory(Environment.GetEnvironmentVariable)}: cannot create or read the signing key there; set CROSSCHECK_KEY_DIR to a writable folder.");
        Console.Write(settings.Action == "export" ? key.PublicKeyPem + "\n" : $"key {key.KeyId} ({InstallationKey.Algorithm}), private key in {key.FilePath}\n");
        return ExitCodes.Ok;
    }
}
