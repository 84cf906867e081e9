using System.ComponentModel;
using System.Text.Json;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary><c>crosscheck status</c>: one run's status on a <c>serve</c>: its step, claims done, and at the end its verdict counts.</summary>
public sealed class StatusCommand : AsyncCommand<StatusCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<id>")]
        [Description("The run id that submit printed.")]
        public string Id { get; init; } = "";

        [CommandOption("--server <URL>")]
        public string Server { get; init; } = "http://127.0.0.1:5080";

        [CommandOption("--token <TOKEN>")]
        [Description("API token (default: the CROSSCHECK_TOKEN environment variable).")]
        public string? Token { get; init; }

        [CommandOption("--wait")]
        [Description("Wait until the run finishes.")]
        public bool Wait { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var client = ServerClient.Create(settings.Server, settings.Token);
        if (settings.Wait)
        {
            return await WaitAsync(client, settings.Server, settings.Id, cancellationToken);
        }
        var run = await GetAsync(client, settings.Server, settings.Id, cancellationToken);
        Console.WriteLine(Describe(run));
        return ExitCodes.Ok;
    }

    internal static async Task<int> WaitAsync(HttpClient client, string server, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var run = await GetAsync(client, server, id, cancellationToken);
            var status = run.GetProperty("status").GetString();
            if (status is "succeeded" or "failed" or "cancelled")
            {
                Console.WriteLine(Describe(run));
                return status == "succeeded" ? ExitCodes.Ok : ExitCodes.UsageOrInput;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string server, string id, CancellationToken cancellationToken)
    {
        using var response = await ServerClient.SendAsync(() => client.GetAsync("api/runs/" + Uri.EscapeDataString(id), cancellationToken), server);
        return await ServerClient.ReadAsync(response, cancellationToken);
    }

    internal static string Describe(JsonElement run)
    {
        var id = run.GetProperty("id").GetString();
        var status = run.GetProperty("status").GetString();
        var claims = run.TryGetProperty("claims", out var c) ? c.EnumerateArray().ToArray() : [];
        var checkedClaims = claims.Count(x => x.GetProperty("state").GetString() == "checked");
        var line = $"{id}: {status}; step {(run.TryGetProperty("stage", out var s) ? s.GetString() : "-")}; {claims.Length} claim(s) grounded, {checkedClaims} checked by the panel";
        if (run.TryGetProperty("verdicts", out var v))
        {
            line += "; " + string.Join(", ", v.EnumerateObject().Where(p => p.Value.GetInt32() > 0).Select(p => $"{p.Value.GetInt32()} {p.Name}"));
        }
        if (run.TryGetProperty("error", out var e))
        {
            line += "; error: " + e.GetString();
        }
        return line;
    }
}
