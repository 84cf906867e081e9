using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CrossCheck.Tests.Emulator;

/// <summary>
/// A local HTTP/1.1 server on 127.0.0.1 (a free port) that speaks the providers' wire formats so the
/// real SDK code paths can run in tests. It answers from a script and records every request.
/// <list type="bullet">
/// <item>OpenAI Chat Completions: <c>POST /v1/chat/completions</c> (and <c>/{prefix}/.../chat/completions</c>);</item>
/// <item>OpenAI Responses: <c>POST /v1/responses</c>;</item>
/// <item>Anthropic Messages: <c>POST /v1/messages</c> (x-api-key or Bearer);</item>
/// <item>Ollama: <c>POST /api/chat</c>, NDJSON when the request streams;</item>
/// <item>Gemini, xAI, Azure and a generic compatible server in the OpenAI format under their own
/// prefixes (<see cref="GeminiBaseUrl"/>, <see cref="XaiBaseUrl"/>, ...), so tests can tell them apart.</item>
/// </list>
/// A plain TcpListener is used because HttpListener cannot bind port 0; every reply closes its connection.
/// </summary>
public sealed class ProviderEmulator : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _acceptLoop;
    private readonly Func<EmulatedRequest, Task<ScriptedReply>> _script;

    public ProviderEmulator(Func<EmulatedRequest, ScriptedReply>? script = null)
        : this(script is null ? _ => Task.FromResult(new ScriptedReply()) : r => Task.FromResult(script(r)))
    {
    }

    /// <summary>
    /// A script that may wait before it answers (for a gate the test opens): it awaits, so a held answer holds no
    /// thread of the pool the test run shares.
    /// </summary>
    public ProviderEmulator(Func<EmulatedRequest, Task<ScriptedReply>> script)
    {
        _script = script;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Factory.StartNew(AcceptLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public int Port { get; }

    public string Root => $"http://127.0.0.1:{Port}";

    public string OpenAIBaseUrl => $"{Root}/v1";

    public string AnthropicBaseUrl => Root;

    public string GeminiBaseUrl => $"{Root}/gemini/v1beta/openai";

    public string XaiBaseUrl => $"{Root}/xai/v1";

    public string OllamaHost => Root;

    /// <summary>The Azure resource endpoint; clients add <c>/openai/v1</c>.</summary>
    public string AzureEndpoint => $"{Root}/azure";

    public string CompatBaseUrl => $"{Root}/compat/v1";

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>The environment a registry needs to send every provider here.</summary>
    public IReadOnlyDictionary<string, string?> Environment(string key = "test-key-0000") => new Dictionary<string, string?>
    {
        ["OPENAI_API_KEY"] = key,
        ["CROSSCHECK_OPENAI_BASE_URL"] = OpenAIBaseUrl,
        ["ANTHROPIC_API_KEY"] = key,
        ["CROSSCHECK_ANTHROPIC_BASE_URL"] = AnthropicBaseUrl,
        ["GEMINI_API_KEY"] = key,
        ["CROSSCHECK_GEMINI_BASE_URL"] = GeminiBaseUrl,
        ["XAI_API_KEY"] = key,
        ["CROSSCHECK_XAI_BASE_URL"] = XaiBaseUrl,
        ["OLLAMA_HOST"] = OllamaHost,
        ["AZURE_OPENAI_ENDPOINT"] = AzureEndpoint,
        ["AZURE_OPENAI_API_KEY"] = key,
        ["CROSSCHECK_COMPAT_BASE_URL"] = CompatBaseUrl,
    };

    /// <summary>
    /// Accepts on a thread of its own (not the thread pool, which a loaded test run can starve) and stamps each
    /// connection's arrival at once.
    /// </summary>
    private void AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = _listener.AcceptTcpClient();
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
            {
                return;
            }

            var arrived = DateTimeOffset.UtcNow;
            _ = Task.Run(() => ServeAsync(client, arrived));
        }
    }

    private async Task ServeAsync(TcpClient client, DateTimeOffset arrived)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var raw = await HttpRequestReader.ReadAsync(stream, _stop.Token);
                if (raw is null)
                {
                    return;
                }

                var route = WireCodec.Route(raw.Path);
                EmulatedRequest? parsed = route is { } r
                    ? WireCodec.Parse(r.Format, r.Provider, raw.Method, raw.Path, raw.Headers, raw.Body)
                    : null;
                _requests.Enqueue(new RecordedRequest(raw.Method, raw.Path, raw.Query, raw.Headers, raw.Body, parsed) { Arrived = arrived });

                if (parsed is null || raw.Method != "POST")
                {
                    await WriteAsync(stream, 404, "application/json", """{"error":{"message":"not found (emulator)"}}""", new Dictionary<string, string>(), truncate: false);
                    return;
                }

                ScriptedReply reply;
                try
                {
                    reply = await _script(parsed);
                }
                catch (Exception e)
                {
                    await WriteAsync(stream, 500, "text/plain", "emulator script threw: " + e.Message, new Dictionary<string, string>(), truncate: false);
                    return;
                }

                if (reply.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(reply.Delay, _stop.Token);
                }

                if (reply.DropConnection)
                {
                    client.Client.LingerState = new LingerOption(true, 0); // reset, not a graceful close
                    return;
                }

                string body = reply.RawBody ?? WireCodec.Render(parsed, reply, 1_767_225_600);
                string contentType = reply.RawBody is null ? WireCodec.ContentType(parsed.Format, parsed.Stream) : "application/json";
                await WriteAsync(stream, reply.StatusCode, contentType, body, reply.Headers, reply.Truncate, reply.Trickle, _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client went away or the emulator is stopping.
            }
        }
    }

    private static async Task WriteAsync(NetworkStream stream, int status, string contentType, string body, IReadOnlyDictionary<string, string> headers, bool truncate, TimeSpan trickle = default, CancellationToken stop = default)
    {
        byte[] payload = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {Reason(status)}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {payload.Length}\r\n");
        head.Append("Connection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        var content = truncate ? payload.AsMemory(0, payload.Length / 2) : payload;
        if (trickle > TimeSpan.Zero)
        {
            // A slow trickle: the headers go at once, then the body a few bytes at a time.
            await stream.FlushAsync();
            for (var i = 0; i < content.Length; i += 8)
            {
                await stream.WriteAsync(content.Slice(i, Math.Min(8, content.Length - i)));
                await stream.FlushAsync();
                await Task.Delay(trickle, stop);
            }
            return;
        }
        await stream.WriteAsync(content);
        await stream.FlushAsync();
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        529 => "Overloaded",
        _ => "Status",
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
