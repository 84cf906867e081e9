using System.Net.Http.Headers;
using System.Text.Json;
using CrossCheck.Hosting;
using CrossCheck.Panel.Providers;
using CrossCheck.Server;
using CrossCheck.Server.Access;
using CrossCheck.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCheck.Tests.Server;

/// <summary>
/// <c>serve</c> in this test process on a free port (127.0.0.1:0), its providers pointed at the emulator, with three
/// users' tokens: alice (submit), bob (submit), reader (read, named alice), root (admin). Tests that use it share
/// the "serve" collection: Hangfire keeps one static job storage per process.
/// </summary>
public sealed class ServerHarness : IAsyncDisposable
{
    public const string AliceToken = "alice-token-for-tests";
    public const string BobToken = "bob-token-for-tests";
    public const string ReaderToken = "alice-reader-token-for-tests";
    public const string AdminToken = "admin-token-for-tests";

    private readonly WebApplication _app;

    private ServerHarness(WebApplication app, string dataRoot)
    {
        _app = app;
        DataRoot = dataRoot;
    }

    public string DataRoot { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public static async Task<ServerHarness> StartAsync(string dataRoot, IReadOnlyDictionary<string, string?> providerEnvironment, Action<ServeOptions>? overrides = null, IReadOnlyDictionary<string, string?>? extraConfiguration = null)
    {
        // The same signing-key folder CliRunner gives every child process, kept out of the user's profile.
        Environment.SetEnvironmentVariable("CROSSCHECK_KEY_DIR", Path.Combine(Path.GetTempPath(), "crosscheck-tests-signing-key"));
        var settings = new Dictionary<string, string?>
        {
            ["CrossCheck:Resilience:Default:RequestsPerMinute"] = "0",
            ["CrossCheck:Resilience:Default:TokensPerMinute"] = "0",
            ["CrossCheck:Resilience:Default:MaxConcurrentRequests"] = "16",
            ["CrossCheck:Serve:DataRoot"] = dataRoot,
        };
        var tokens = new (string Name, string Role, string Token)[]
        {
            ("alice", ApiRoles.Submit, AliceToken), ("bob", ApiRoles.Submit, BobToken), ("alice", ApiRoles.Read, ReaderToken), ("root", ApiRoles.Admin, AdminToken),
        };
        for (var i = 0; i < tokens.Length; i++)
        {
            settings[$"CrossCheck:Serve:Tokens:{i}:Name"] = tokens[i].Name;
            settings[$"CrossCheck:Serve:Tokens:{i}:Role"] = tokens[i].Role;
            settings[$"CrossCheck:Serve:Tokens:{i}:Sha256"] = TokenHasher.Hash(tokens[i].Token);
        }
        foreach (var (key, value) in extraConfiguration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var app = ServeApp.Build(
            c => c.AddInMemoryCollection(settings),
            overrides,
            services =>
            {
                services.AddSingleton(sp => ProviderRegistry.Create(sp.GetRequiredService<IConfiguration>(), providerEnvironment));
                services.Configure<CrossCheckOptions>(o => o.NoCache = true);
            });
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        var harness = new ServerHarness(app, dataRoot) { BaseAddress = new Uri(app.Urls.First() + "/") };
        return harness;
    }

    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Helpers shared by the serve tests: a multipart submission, and waiting for a run's status.</summary>
public static class ServeApi
{
    public static MultipartFormDataContent Submission(string essay, IEnumerable<string> sources, IReadOnlyDictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(essay)), "essay", Path.GetFileName(essay) },
        };
        foreach (var source in sources)
        {
            form.Add(new ByteArrayContent(File.ReadAllBytes(source)), "source", Path.GetFileName(source));
        }
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }
        return form;
    }

    public static async Task<string> SubmitAsync(HttpClient client, string essay, string source, IReadOnlyDictionary<string, string>? fields = null)
    {
        using var response = await client.PostAsync("api/runs", Submission(essay, [source], fields));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> StatusAsync(HttpClient client, string id)
    {
        var body = await client.GetStringAsync("api/runs/" + id);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls until <paramref name="done"/> holds (a generous limit: this machine may be loaded).</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient client, string id, Func<JsonElement, bool> done, int seconds = 180)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement run = default;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                run = await StatusAsync(client, id);
                if (done(run))
                {
                    return run;
                }
            }
            catch (HttpRequestException)
            {
                // A server being restarted: ask again.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"run {id} did not reach the expected state in {seconds} s; last: {run}");
    }

    public static bool Finished(JsonElement run) => run.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled";
}
