using System.ComponentModel;
using CrossCheck.Caching;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck cache clear|stats</c>: the on-disk response cache.</summary>
public sealed class CacheCommand : Command<CacheCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<ACTION>")]
        [Description("clear (delete every cached answer) or stats.")]
        public string Action { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var host = CliHost.BuildValidated(settings.Verbose);
        var cache = host.Services.GetRequiredService<ResponseCache>();
        var path = cache.Path;
        switch (settings.Action)
        {
            case "clear":
                var (removed, reset) = cache.ClearOrReset();
                Console.WriteLine(reset
                    ? $"{path} was damaged (not a readable database); deleted it: the next run starts an empty cache"
                    : $"removed {removed} cached answer(s) from {path}");
                return ExitCodes.Ok;
            case "stats":
                cache.EnsureUsable();
                var stats = cache.GetStats();
                Console.WriteLine($"{stats.Path}: {stats.Entries} cached answer(s), {stats.TextBytes:N0} bytes of text, file {stats.FileBytes:N0} bytes");
                return ExitCodes.Ok;
            default:
                Output.Error($"cache: unknown action '{settings.Action}'; use 'crosscheck cache clear' or 'crosscheck cache stats'.");
                return ExitCodes.UsageOrInput;
        }
    }
}
