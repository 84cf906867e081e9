using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CrossCheck.Models;

namespace CrossCheck.Panel.Providers;

/// <summary>
/// Anthropic's .NET SDK (13.14) has no temperature field on its message request and its chat-client bridge drops
/// <c>ChatOptions.Temperature</c>, so a request would go out at the API's default of 1 while every prompt config and
/// the methodology note say 0. This puts the request's temperature into the JSON body on its way to the wire: the
/// client wrapper sets it for the duration of one call (an async-local value, so parallel calls do not mix) and the
/// handler adds <c>"temperature"</c> to a Messages API body that lacks one. Retries resend the same, amended body.
/// </summary>
internal static class AnthropicTemperature
{
    private static readonly AsyncLocal<double?> Current = new();

    /// <summary>Wraps the client so that each call's temperature reaches the handler.</summary>
    public static IModelClient Around(IModelClient inner) => new Client(inner);

    /// <summary>An HttpClient for the SDK that amends the body, then sends through <paramref name="transport"/> (our Polly pipeline).</summary>
    public static HttpClient Over(HttpClient transport) => new(new Handler(transport), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };

    private sealed class Client(IModelClient inner) : IModelClient
    {
        public PanelistSpec Panelist => inner.Panelist;

        public async Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
        {
            Current.Value = request.Temperature;
            try
            {
                return await inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Current.Value = null;
            }
        }
    }

    private sealed class Handler(HttpClient transport) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Current.Value is { } temperature && request.Method == HttpMethod.Post && request.Content is { } content
                && request.RequestUri?.AbsolutePath.EndsWith("/messages", StringComparison.Ordinal) == true)
            {
                var body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (JsonNode.Parse(body) is JsonObject json && !json.ContainsKey("temperature"))
                {
                    json["temperature"] = temperature;
                    var amended = new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8);
                    amended.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    foreach (var header in content.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
                    {
                        amended.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                    request.Content = amended;
                }
            }
            // HttpClient refuses a message another HttpClient has sent, so the transport gets a copy.
            using var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Content = request.Content, Version = request.Version, VersionPolicy = request.VersionPolicy };
            foreach (var header in request.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            foreach (var option in request.Options)
            {
                ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
            }
            var response = await transport.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.RequestMessage = request;
            return response;
        }
    }
}
