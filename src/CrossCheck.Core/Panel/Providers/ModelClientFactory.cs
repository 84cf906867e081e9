using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.RegularExpressions;
using Anthropic;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OllamaSharp;
using OpenAI;
using CrossCheck.Models;

namespace CrossCheck.Panel.Providers;

/// <summary>
/// Creates an <see cref="IModelClient"/> per panelist, every one through Semantic Kernel's
/// <see cref="IChatCompletionService"/>: the OpenAI connector for Chat Completions endpoints (OpenAI, Gemini,
/// xAI, Azure, compatible servers), and <see cref="IChatClient"/> bridges for the OpenAI Responses API,
/// Anthropic's SDK and OllamaSharp. No retries here: SDK retries are switched off so that a Polly pipeline
/// in the HttpClient (see the constructor's <c>httpClientFor</c>) is the only one.
/// </summary>
public sealed partial class ModelClientFactory
{
    private readonly ProviderRegistry _registry;
    private readonly TimeProvider _timeProvider;
    private readonly Func<string, HttpClient> _httpClientFor;
    private readonly Lazy<Safety.SecretRedactor> _redactor;

    /// <param name="registry">Where providers, endpoints and keys come from.</param>
    /// <param name="timeProvider">Measures latency; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="httpClientFor">
    /// Returns a new HttpClient for a provider name (e.g. <c>name => httpClientFactory.CreateClient("llm-" + name)</c>,
    /// or <see cref="FromHandlers"/>), so a resilience pipeline can wrap each provider. It is called once per
    /// created client and must not return a client that has already sent requests (Ollama sets its BaseAddress).
    /// When null, plain clients with a 10-minute timeout are used.
    /// </param>
    public ModelClientFactory(ProviderRegistry registry, TimeProvider? timeProvider = null, Func<string, HttpClient>? httpClientFor = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _httpClientFor = httpClientFor ?? (_ => new HttpClient { Timeout = TimeSpan.FromMinutes(10) });
        // Every configured provider's key, plus any secret-named environment variable: what a provider echoes back is
        // cleaned of all of them (RedactingModelClient).
        _redactor = new(() => new Safety.SecretRedactor(
            registry.Providers.Select(registry.ApiKey).Concat(Safety.SecretRedactor.SecretsInEnvironment())));
    }

    /// <summary>The redactor every created client applies to what comes back from its provider.</summary>
    public Safety.SecretRedactor Redactor => _redactor.Value;

    /// <summary>Adapts a per-provider handler hook: each client gets <c>new HttpClient(handler(name))</c>, timeout left to the handler.</summary>
    public static Func<string, HttpClient> FromHandlers(Func<string, HttpMessageHandler> handlerFor)
    {
        ArgumentNullException.ThrowIfNull(handlerFor);
        return name => new HttpClient(handlerFor(name), disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// Creates the client for one panelist. Throws <see cref="ProviderConfigurationException"/> when the provider
    /// is unknown, has no endpoint, or lacks its key.
    /// </summary>
    public IModelClient Create(PanelistSpec panelist)
    {
        var provider = _registry.Require(panelist);
        string? key = _registry.ApiKey(provider);
        string baseUrl = provider.BaseUrl!.TrimEnd('/');
        var http = _httpClientFor(provider.Name);

        return new RedactingModelClient(Create(panelist, provider, key, baseUrl, http), _redactor.Value);
    }

    private IModelClient Create(PanelistSpec panelist, ProviderOptions provider, string? key, string baseUrl, HttpClient http)
    {
        return provider.Kind switch
        {
            _ when UsesResponsesApi(provider, panelist.Model) =>
                Client(panelist, ResponsesService(provider, panelist.Model, ApiRoot(provider, baseUrl), key, http), BridgeSettings(provider, panelist.Model)),
            ProviderKind.OpenAI or ProviderKind.Gemini or ProviderKind.XAI or ProviderKind.OpenAICompatible =>
                Client(panelist, OpenAIChatService(panelist.Model, baseUrl, key, http), OpenAISettings(provider, panelist.Model)),
            ProviderKind.AzureOpenAI =>
                Client(panelist, AzureChatService(provider, panelist.Model, baseUrl, key!, http), OpenAISettings(provider, panelist.Model)),
            ProviderKind.Anthropic =>
                AnthropicTemperature.Around(Client(panelist, AnthropicService(panelist.Model, baseUrl, key!, AnthropicTemperature.Over(http)), BridgeSettings(provider, panelist.Model))),
            ProviderKind.Ollama =>
                Client(panelist, OllamaService(panelist.Model, baseUrl, http), BridgeSettings(provider, panelist.Model)),
            _ => throw new ProviderConfigurationException($"Provider kind {provider.Kind} is not supported."),
        };
    }


    private SemanticKernelModelClient Client(PanelistSpec panelist, IChatCompletionService service, Func<ModelRequest, PromptExecutionSettings> settings) =>
        new(panelist, service, settings, _timeProvider);

    private static string ApiRoot(ProviderOptions provider, string baseUrl) =>
        provider.Kind == ProviderKind.AzureOpenAI ? baseUrl + "/openai/v1" : baseUrl;

    private static IChatCompletionService OpenAIChatService(string model, string baseUrl, string? key, HttpClient http)
    {
        // OpenAI's SDK needs some credential; compatible servers without auth ignore the placeholder.
        var kernel = Kernel.CreateBuilder()
            .AddOpenAIChatCompletion(model, endpoint: new Uri(baseUrl), apiKey: key ?? "no-key", httpClient: http)
            .Build();
        return kernel.GetRequiredService<IChatCompletionService>();
    }

    /// <summary>
    /// Azure OpenAI's v1 API is OpenAI-compatible at <c>{endpoint}/openai/v1</c>, with the deployment name as model;
    /// the SK Azure connector is a separate package (not in Connectors.OpenAI 1.82), so the OpenAI connector is
    /// given a client that also sends Azure's <c>api-key</c> header and, when configured, <c>api-version</c>.
    /// </summary>
    private static IChatCompletionService AzureChatService(ProviderOptions provider, string deployment, string baseUrl, string key, HttpClient http)
    {
        var options = PipelineOptions(new OpenAIClientOptions { Endpoint = new Uri(ApiRoot(provider, baseUrl)) }, http);
        options.AddPolicy(new AzureRequestPolicy(key, provider.ApiVersion), PipelinePosition.PerCall);
        var client = new OpenAIClient(new ApiKeyCredential(key), options);
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(deployment, client).Build();
        return kernel.GetRequiredService<IChatCompletionService>();
    }

    private static IChatCompletionService ResponsesService(ProviderOptions provider, string model, string apiRoot, string? key, HttpClient http)
    {
#pragma warning disable OPENAI001 // The Responses client is marked experimental in OpenAI 2.14, yet it is the only way to reach the -pro models.
        var options = PipelineOptions(new OpenAI.Responses.ResponsesClientOptions { Endpoint = new Uri(apiRoot) }, http);
        if (provider.Kind == ProviderKind.AzureOpenAI)
        {
            options.AddPolicy(new AzureRequestPolicy(key ?? "", provider.ApiVersion), PipelinePosition.PerCall);
        }

        var responses = new OpenAI.Responses.ResponsesClient(new ApiKeyCredential(key ?? "no-key"), options);
        return responses.AsIChatClient(model).AsChatCompletionService();
#pragma warning restore OPENAI001
    }

    /// <summary>Our HttpClient as transport, SDK retries off (Polly owns them), no SDK timeout.</summary>
    private static T PipelineOptions<T>(T options, HttpClient http)
        where T : ClientPipelineOptions
    {
        options.Transport = new HttpClientPipelineTransport(http);
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        options.NetworkTimeout = Timeout.InfiniteTimeSpan;
        return options;
    }

    /// <summary>
    /// The timeout given to the Anthropic SDK: long enough never to fire. Left null, the SDK derives one from max_tokens
    /// (about 30 s for our stages), starts it when the SDK is called, so it also counts our rate-limit and concurrency
    /// queues and retry waits, and cancels calls that are merely queued. Polly's attempt and total timeouts rule instead.
    /// </summary>
    public static readonly TimeSpan AnthropicSdkTimeout = TimeSpan.FromHours(24);

    private static IChatCompletionService AnthropicService(string model, string baseUrl, string key, HttpClient http)
    {
        var client = new AnthropicClient { ApiKey = key, BaseUrl = baseUrl, MaxRetries = 0, HttpClient = http, Timeout = AnthropicSdkTimeout };
        return client.AsIChatClient(model, 1024).AsChatCompletionService();
    }

    private static IChatCompletionService OllamaService(string model, string baseUrl, HttpClient http)
    {
        http.BaseAddress ??= new Uri(baseUrl + "/");
        IChatClient client = new OllamaApiClient(http, model);
        return client.AsChatCompletionService();
    }

    /// <summary>Settings for the OpenAI connector: max_completion_tokens, temperature, response_format.</summary>
    private static Func<ModelRequest, PromptExecutionSettings> OpenAISettings(ProviderOptions provider, string model) => request =>
    {
        var settings = new OpenAIPromptExecutionSettings
        {
            MaxTokens = request.MaxTokens,
            Temperature = AcceptsTemperature(model) ? request.Temperature : null,
        };
        if (request.JsonSchema is { } schema)
        {
            settings.ResponseFormat = provider.JsonMode switch
            {
                JsonMode.Schema => OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(
                    SchemaName(request.Stage), BinaryData.FromString(schema), jsonSchemaIsStrict: false),
                JsonMode.Object => "json_object",
                _ => null,
            };
        }

        return settings;
    };

    /// <summary>Settings for IChatClient bridges: SK maps these extension-data keys to ChatOptions.</summary>
    private static Func<ModelRequest, PromptExecutionSettings> BridgeSettings(ProviderOptions provider, string model) => request =>
    {
        var data = new Dictionary<string, object> { ["max_tokens"] = request.MaxTokens };
        if (request.Temperature is { } t && AcceptsTemperature(model))
        {
            data["temperature"] = t;
        }

        if (request.JsonSchema is { } schema && provider.JsonMode != JsonMode.None)
        {
            data["response_format"] = provider.JsonMode == JsonMode.Schema ? ParseSchema(request) : "json_object";
        }

        return new PromptExecutionSettings { ExtensionData = data };
    };

    private static JsonElement ParseSchema(ModelRequest request)
    {
        try
        {
            using var doc = JsonDocument.Parse(request.JsonSchema!);
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The JSON schema of stage '{request.Stage}' is not valid JSON: {e.Message}", nameof(request), e);
        }
    }

    private static string SchemaName(string stage)
    {
        string name = new(stage.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-').ToArray());
        return name.Length == 0 ? "answer" : name;
    }
}
