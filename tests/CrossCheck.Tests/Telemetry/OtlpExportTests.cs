using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CrossCheck.Samples;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Telemetry;

/// <summary>The real program exports over OTLP (HTTP/protobuf) to the endpoint in OTEL_EXPORTER_OTLP_ENDPOINT, and only then.</summary>
public sealed class OtlpExportTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Check_WithOtlpEndpointSet_PostsTracesAndMetricsToIt()
    {
        using var collector = new FakeCollector();
        SampleGenerator.Write(_temp.File("in"));
        var env = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        };

        var result = CliRunner.Run(_temp.Path, env, "check", "in/essay.md", "--source", "in/source.pdf", "--quiet");

        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        await collector.WaitForAsync("/v1/traces", TimeSpan.FromSeconds(30));
        Assert.Contains("/v1/traces", collector.Paths);
        Assert.Contains("/v1/metrics", collector.Paths);
        Assert.True(collector.Bytes["/v1/traces"] > 0);
    }

    [Fact]
    public void Check_WithoutOtlpEndpoint_SendsNothing()
    {
        using var collector = new FakeCollector();
        SampleGenerator.Write(_temp.File("in"));
        // The protocol variable alone (endpoint empty, as an unset one would be) does not turn export on.
        var env = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf", ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "" };

        var result = CliRunner.Run(_temp.Path, env, "check", "in/essay.md", "--source", "in/source.pdf", "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(collector.Paths);
    }

    /// <summary>Accepts OTLP/HTTP posts on a free loopback port and notes their paths and sizes.</summary>
    private sealed class FakeCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _bytes = new();

        public FakeCollector()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Url + "/");
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public string Url { get; }

        public IReadOnlyCollection<string> Paths => [.. _bytes.Keys];

        public IReadOnlyDictionary<string, long> Bytes => _bytes;

        public async Task WaitForAsync(string path, TimeSpan timeout)
        {
            var until = DateTime.UtcNow + timeout;
            while (!_bytes.ContainsKey(path) && DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
        }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _bytes.AddOrUpdate(context.Request.Url!.AbsolutePath, body.Length, (_, n) => n + body.Length);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
