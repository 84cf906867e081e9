using System.Net.Http.Headers;
using System.Text.Json;
using CrossCheck.Ingest;

namespace CrossCheck.Cli;

/// <summary>The HTTP client <c>submit</c> and <c>status</c> use: the server's URL, and a token from --token or CROSSCHECK_TOKEN.</summary>
public static class ServerClient
{
    public static HttpClient Create(string server, string? token)
    {
        if (!Uri.TryCreate(server.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new InputException($"--server '{server}': give the server's URL, e.g. http://127.0.0.1:5080.");
        }
        var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(10) };
        token ??= Environment.GetEnvironmentVariable("CROSSCHECK_TOKEN");
        if (!string.IsNullOrEmpty(token))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>The body of a reply, or one line saying why the server refused (its own message when it gave one).</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement body = default;
        try
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
        }
        if (!response.IsSuccessStatusCode)
        {
            var message = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) ? e.GetString() : text.Trim();
            throw new InputException($"the server answered {(int)response.StatusCode}: {message}");
        }
        return body;
    }

    public static async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, string server)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException e)
        {
            throw new InputException($"--server {server}: cannot reach the server ({e.Message.TrimEnd('.')}); is 'crosscheck serve' running there?", e);
        }
    }
}
