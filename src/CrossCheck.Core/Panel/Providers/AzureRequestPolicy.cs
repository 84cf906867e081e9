using System.ClientModel.Primitives;

namespace CrossCheck.Panel.Providers;

/// <summary>Adds Azure OpenAI's <c>api-key</c> header and, when configured, the <c>api-version</c> query.</summary>
internal sealed class AzureRequestPolicy(string apiKey, string? apiVersion) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Apply(PipelineMessage message)
    {
        message.Request.Headers.Set("api-key", apiKey);
        if (apiVersion is not null && message.Request.Uri is { } uri && !uri.Query.Contains("api-version=", StringComparison.Ordinal))
        {
            var builder = new UriBuilder(uri);
            string query = builder.Query.TrimStart('?');
            builder.Query = (query.Length > 0 ? query + "&" : "") + "api-version=" + Uri.EscapeDataString(apiVersion);
            message.Request.Uri = builder.Uri;
        }
    }
}
