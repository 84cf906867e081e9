using System.ComponentModel;
using CrossCheck.Server;
using CrossCheck.Server.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck serve</c>: the API, the web page and the job worker in one Generic Host, until SIGTERM or Ctrl+C.</summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Where to listen, e.g. http://127.0.0.1:5080 (port 0 picks a free port; the address is printed). Default: http://127.0.0.1:5080.")]
        public string Urls { get; init; } = "http://127.0.0.1:5080";

        [CommandOption("--data <DIR>")]
        [Description("Folder for uploads and run folders. Default: serve-data (or CrossCheck:Serve:DataRoot).")]
        public string? Data { get; init; }

        [CommandOption("--store <CONNECTION>")]
        [Description("A PostgreSQL connection string (Host=...;Username=...;Database=...) for several workers; default: the embedded profile (or ConnectionStrings:CrossCheck).")]
        public string? Store { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Runs in flight in this process, and claims in flight per run. Default: 4.")]
        public int? Workers { get; init; }

        [CommandOption("--allow-anonymous-localhost")]
        [Description("Let requests from this machine in without a token (as CrossCheck:Serve:AnonymousRole, default admin).")]
        public bool AllowAnonymousLocalhost { get; init; }

        [CommandOption("--hash-token <TOKEN>")]
        [Description("Print the SHA-256 to put in CrossCheck:Serve:Tokens:N:Sha256 for this token, and exit.")]
        public string? HashToken { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.HashToken is { } token)
        {
            Console.WriteLine(TokenHasher.Hash(token));
            return ExitCodes.Ok;
        }
        await using var app = ServeApp.Build(
            c => c.AddCrossCheckSources(),
            o =>
            {
                o.DataRoot = settings.Data ?? o.DataRoot;
                o.Store = settings.Store ?? o.Store;
                o.Workers = settings.Workers ?? o.Workers;
                o.AllowAnonymousLocalhost |= settings.AllowAnonymousLocalhost;
            },
            logging: l =>
            {
                l.AddSimpleConsole(o => o.SingleLine = true);
                // Logs go to stderr, as every command's do; stdout carries the one "listening on" line.
                l.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                l.AddFilter(null, settings.Verbose ? LogLevel.Debug : LogLevel.Warning);
                l.AddFilter("CrossCheck.Server", settings.Verbose ? LogLevel.Debug : LogLevel.Information);
                l.AddFilter("Hangfire", settings.Verbose ? LogLevel.Information : LogLevel.Warning);
            });
        app.Urls.Clear();
        foreach (var url in settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            app.Urls.Add(url);
        }
        var serve = app.Services.GetService(typeof(ServeOptions)) as ServeOptions;
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            Output.Error($"--urls {settings.Urls}: cannot listen there ({e.Message.TrimEnd('.')}); choose another address or port.");
            return ExitCodes.UsageOrInput;
        }
        Console.WriteLine($"crosscheck serve: listening on {string.Join(' ', app.Urls)} ({(serve?.IsPostgres == true ? "PostgreSQL" : "embedded")} profile, data in {serve?.DataRoot})");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
