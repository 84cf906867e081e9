using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using CrossCheck.Ingest;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck submit</c>: sends an essay and its sources to a <c>serve</c> and prints the run's id (with --wait, its outcome).</summary>
public sealed class SubmitCommand : AsyncCommand<SubmitCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<essay>")]
        [Description("The essay: Markdown, plain text or PDF.")]
        public string Essay { get; init; } = "";

        [CommandOption("-s|--source <FILE>")]
        [Description("A source document (PDF, .md, .txt, .html). Repeat for several.")]
        public string[] Sources { get; init; } = [];

        [CommandOption("--server <URL>")]
        [Description("The server, e.g. http://127.0.0.1:5080.")]
        public string Server { get; init; } = "http://127.0.0.1:5080";

        [CommandOption("--token <TOKEN>")]
        [Description("API token (default: the CROSSCHECK_TOKEN environment variable).")]
        public string? Token { get; init; }

        [CommandOption("-p|--panel <PANEL>")]
        [Description("The LLM panel, comma-separated provider:model (default: the server's configuration).")]
        public string? Panel { get; init; }

        [CommandOption("--rounds <N>")]
        public int? Rounds { get; init; }

        [CommandOption("--no-extract")]
        public bool NoExtract { get; init; }

        [CommandOption("--max-cost <USD>")]
        public decimal? MaxCost { get; init; }

        [CommandOption("--wait")]
        [Description("Wait until the run finishes and print its outcome (exit 0 succeeded, 2 failed or cancelled).")]
        public bool Wait { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var client = ServerClient.Create(settings.Server, settings.Token);
        using var form = new MultipartFormDataContent();
        var streams = new List<Stream>();
        try
        {
            Add(form, streams, "essay", settings.Essay);
            if (settings.Sources.Length == 0)
            {
                throw new InputException("no source given; add --source <file> (PDF, Markdown, text or HTML) for each document the essay is about.");
            }
            foreach (var source in settings.Sources)
            {
                Add(form, streams, "source", source);
            }
            if (settings.Panel is { } panel)
            {
                form.Add(new StringContent(panel), "panel");
            }
            if (settings.Rounds is { } rounds)
            {
                form.Add(new StringContent(rounds.ToString(CultureInfo.InvariantCulture)), "rounds");
            }
            if (settings.NoExtract)
            {
                form.Add(new StringContent("false"), "extract");
            }
            if (settings.MaxCost is { } cost)
            {
                form.Add(new StringContent(cost.ToString(CultureInfo.InvariantCulture)), "max_cost");
            }
            using var response = await ServerClient.SendAsync(() => client.PostAsync("api/runs", form, cancellationToken), settings.Server);
            var run = await ServerClient.ReadAsync(response, cancellationToken);
            var id = run.GetProperty("id").GetString()!;
            Console.WriteLine(id);
            return settings.Wait ? await StatusCommand.WaitAsync(client, settings.Server, id, cancellationToken) : ExitCodes.Ok;
        }
        finally
        {
            foreach (var s in streams)
            {
                await s.DisposeAsync();
            }
        }
    }

    private static void Add(MultipartFormDataContent form, List<Stream> streams, string field, string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: file not found.");
        }
        var stream = File.OpenRead(path);
        streams.Add(stream);
        form.Add(new StreamContent(stream), field, Path.GetFileName(path));
    }

    internal static string Describe(JsonElement run) => StatusCommand.Describe(run);
}
