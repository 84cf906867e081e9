using System.ComponentModel;
using CrossCheck.Caching;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck cache clear|stats</c>: the on-disk response cache.</summary>
public sealed class CacheCommand : Command<CacheCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<ACTION>")]
        [Description("clear (delete every cached answer) or stats.")]
        public string Action { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = Configuration.Load()["CrossCheck:CachePath"] ?? ResponseCache.DefaultPath(Environment.GetEnvironmentVariable);
        var cache = new ResponseCache(path, TimeProvider.System);
        switch (settings.Action)
        {
            case "clear":
                Console.WriteLine($"removed {cache.Clear()} cached answer(s) from {path}");
                return ExitCodes.Ok;
            case "stats":
                var stats = cache.GetStats();
                Console.WriteLine($"{stats.Path}: {stats.Entries} cached answer(s), {stats.TextBytes:N0} bytes of text, file {stats.FileBytes:N0} bytes");
                return ExitCodes.Ok;
            default:
                Output.Error($"cache: unknown action '{settings.Action}'; use 'crosscheck cache clear' or 'crosscheck cache stats'.");
                return ExitCodes.UsageOrInput;
        }
    }
}
