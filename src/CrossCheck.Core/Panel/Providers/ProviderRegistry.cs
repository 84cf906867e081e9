using System.Globalization;
using Microsoft.Extensions.Configuration;
using CrossCheck.Models;

namespace CrossCheck.Panel.Providers;

// Over 250 lines on purpose: the one table of providers (defaults, environment variables, configuration sections,
// validation, masking, ping) that the README documents; each source of settings is a short method next to the others.

/// <summary>
/// The providers this machine can reach, from built-in defaults, the <c>CrossCheck:Providers</c>
/// configuration section and environment variables (later sources win).
/// <para>Environment variables read (the environment is injected, so tests never touch the process's):</para>
/// <list type="table">
/// <item><term>openai</term><description><c>OPENAI_API_KEY</c>; base URL <c>CROSSCHECK_OPENAI_BASE_URL</c> (default https://api.openai.com/v1).</description></item>
/// <item><term>anthropic</term><description><c>ANTHROPIC_API_KEY</c>; <c>CROSSCHECK_ANTHROPIC_BASE_URL</c> (default https://api.anthropic.com).</description></item>
/// <item><term>gemini (alias google)</term><description><c>GEMINI_API_KEY</c> or <c>GOOGLE_API_KEY</c>; <c>CROSSCHECK_GEMINI_BASE_URL</c> (default https://generativelanguage.googleapis.com/v1beta/openai).</description></item>
/// <item><term>xai</term><description><c>XAI_API_KEY</c>; <c>CROSSCHECK_XAI_BASE_URL</c> (default https://api.x.ai/v1).</description></item>
/// <item><term>ollama</term><description><c>OLLAMA_HOST</c> (host:port or URL; default http://localhost:11434), no key.</description></item>
/// <item><term>azure (alias azure-openai)</term><description><c>AZURE_OPENAI_ENDPOINT</c> (the resource URL; <c>/openai/v1</c> is appended) with <c>AZURE_OPENAI_API_KEY</c>; optional <c>AZURE_OPENAI_API_VERSION</c>; the model is the deployment name.</description></item>
/// <item><term>compat (alias openai-compatible)</term><description><c>CROSSCHECK_COMPAT_BASE_URL</c> (API root, e.g. http://localhost:8000/v1) and optional <c>CROSSCHECK_COMPAT_API_KEY</c>.</description></item>
/// </list>
/// Any provider's base URL can be overridden by <c>CROSSCHECK_{NAME}_BASE_URL</c>, and <c>CROSSCHECK_{NAME}_DEFAULT_MODEL</c> names the model
/// used by <see cref="PingAsync"/>. Configured providers (<c>CrossCheck:Providers:{name}</c>) take <c>Kind</c>, <c>BaseUrl</c>,
/// <c>ApiKeyEnv</c> (the name of the variable holding the key: keys are never read from configuration files), <c>Family</c>,
/// <c>ApiVersion</c>, <c>DefaultModel</c>, <c>ResponsesModels</c> (array) and <c>JsonMode</c> (Schema, Object, None).
/// </summary>
public sealed class ProviderRegistry
{
    public const string ConfigurationSection = "CrossCheck:Providers";

    private readonly Dictionary<string, ProviderOptions> _providers;
    private readonly HashSet<string> _available;
    private readonly Func<string, string?> _environment;

    private ProviderRegistry(Dictionary<string, ProviderOptions> providers, HashSet<string> available, Func<string, string?> environment)
    {
        _providers = providers;
        _available = available;
        _environment = environment;
    }

    /// <summary>Providers that are configured or discovered in the environment, in a stable order.</summary>
    public IReadOnlyList<ProviderOptions> Providers =>
        _providers.Values.Where(p => _available.Contains(p.Name)).OrderBy(p => Order(p.Name)).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

    public static ProviderRegistry Create(IConfiguration? configuration, IReadOnlyDictionary<string, string?> environment) =>
        Create(configuration, name => environment.TryGetValue(name, out var v) ? v : null);

    /// <summary>Reads the real process environment: for the host only, never for tests.</summary>
    public static ProviderRegistry FromProcessEnvironment(IConfiguration? configuration) =>
        Create(configuration, System.Environment.GetEnvironmentVariable);

    public static ProviderRegistry Create(IConfiguration? configuration, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Env(string name) => environment(name) is { Length: > 0 } v ? v.Trim() : null;

        var providers = new Dictionary<string, ProviderOptions>(StringComparer.Ordinal);
        var available = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in Defaults(Env))
        {
            providers[p.Name] = p;
        }

        if (Env("OPENAI_API_KEY") is not null) available.Add(ProviderNames.OpenAI);
        if (Env("ANTHROPIC_API_KEY") is not null) available.Add(ProviderNames.Anthropic);
        if (Env("GEMINI_API_KEY") is not null || Env("GOOGLE_API_KEY") is not null) available.Add(ProviderNames.Gemini);
        if (Env("XAI_API_KEY") is not null) available.Add(ProviderNames.XAI);
        if (Env("OLLAMA_HOST") is not null) available.Add(ProviderNames.Ollama);
        if (Env("AZURE_OPENAI_ENDPOINT") is not null) available.Add(ProviderNames.Azure);
        if (Env("CROSSCHECK_COMPAT_BASE_URL") is not null) available.Add(ProviderNames.Compat);

        if (configuration is not null)
        {
            foreach (var section in configuration.GetSection(ConfigurationSection).GetChildren())
            {
                var configured = FromSection(section, providers);
                providers[configured.Name] = configured;
                available.Add(configured.Name);
            }
        }

        // Environment overrides of the base URL and ping model win over configuration.
        foreach (var name in providers.Keys.ToList())
        {
            var p = providers[name];
            if (Env(ProviderNames.Variable(name, "BASE_URL")) is { } baseUrl)
            {
                p = p with { BaseUrl = baseUrl, Source = "environment" };
                available.Add(name);
            }

            if (Env(ProviderNames.Variable(name, "DEFAULT_MODEL")) is { } model)
            {
                p = p with { DefaultModel = model };
            }

            providers[name] = p;
        }

        return new ProviderRegistry(providers, available, environment);
    }

    private static IEnumerable<ProviderOptions> Defaults(Func<string, string?> env)
    {
        yield return new ProviderOptions
        {
            Name = ProviderNames.OpenAI, Kind = ProviderKind.OpenAI, BaseUrl = "https://api.openai.com/v1",
            ApiKeyVariables = ["OPENAI_API_KEY"], Family = "openai", DefaultModel = "gpt-5-mini", Source = Src(env, "OPENAI_API_KEY"),
        };
        yield return new ProviderOptions
        {
            Name = ProviderNames.Anthropic, Kind = ProviderKind.Anthropic, BaseUrl = "https://api.anthropic.com",
            ApiKeyVariables = ["ANTHROPIC_API_KEY"], Family = "anthropic", DefaultModel = "claude-haiku-4-5", Source = Src(env, "ANTHROPIC_API_KEY"),
        };
        yield return new ProviderOptions
        {
            Name = ProviderNames.Gemini, Kind = ProviderKind.Gemini, BaseUrl = "https://generativelanguage.googleapis.com/v1beta/openai",
            ApiKeyVariables = ["GEMINI_API_KEY", "GOOGLE_API_KEY"], Family = "google", DefaultModel = "gemini-2.5-flash", Source = Src(env, "GEMINI_API_KEY", "GOOGLE_API_KEY"),
        };
        yield return new ProviderOptions
        {
            Name = ProviderNames.XAI, Kind = ProviderKind.XAI, BaseUrl = "https://api.x.ai/v1",
            ApiKeyVariables = ["XAI_API_KEY"], Family = "xai", DefaultModel = "grok-3-mini", Source = Src(env, "XAI_API_KEY"),
        };
        yield return new ProviderOptions
        {
            Name = ProviderNames.Ollama, Kind = ProviderKind.Ollama, BaseUrl = NormaliseOllamaHost(env("OLLAMA_HOST")),
            KeyRequired = false, Family = "local", DefaultModel = "llama3.2", Source = Src(env, "OLLAMA_HOST"),
        };
        yield return new ProviderOptions
        {
            Name = ProviderNames.Azure, Kind = ProviderKind.AzureOpenAI, BaseUrl = env("AZURE_OPENAI_ENDPOINT"),
            ApiKeyVariables = ["AZURE_OPENAI_API_KEY"], Family = "openai", ApiVersion = env("AZURE_OPENAI_API_VERSION"),
            Source = Src(env, "AZURE_OPENAI_ENDPOINT"),
        };
        yield return new ProviderOptions
        {
            Name = ProviderNames.Compat, Kind = ProviderKind.OpenAICompatible, BaseUrl = env("CROSSCHECK_COMPAT_BASE_URL"),
            ApiKeyVariables = ["CROSSCHECK_COMPAT_API_KEY"], KeyRequired = false, Family = null, JsonMode = JsonMode.Object,
            Source = Src(env, "CROSSCHECK_COMPAT_BASE_URL"),
        };
    }

    private static string Src(Func<string, string?> env, params string[] names) =>
        names.Any(n => env(n) is not null) ? "environment" : "default";

    /// <summary>Ollama accepts <c>host</c>, <c>host:port</c> or a URL in OLLAMA_HOST; 0.0.0.0 means "this machine" for a client.</summary>
    internal static string NormaliseOllamaHost(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return "http://localhost:11434";
        }

        string h = host.Contains("://", StringComparison.Ordinal) ? host : "http://" + host;
        var uri = new Uri(h);
        string hostName = uri.Host is "0.0.0.0" ? "localhost" : uri.Host;
        int port = host.Contains("://", StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal) ? uri.Port : 11434;
        return $"{uri.Scheme}://{hostName}:{port.ToString(CultureInfo.InvariantCulture)}{uri.AbsolutePath.TrimEnd('/')}";
    }

    private static ProviderOptions FromSection(IConfigurationSection section, Dictionary<string, ProviderOptions> known)
    {
        string name = ProviderNames.Canonical(section.Key);
        string where = $"{ConfigurationSection}:{section.Key}";
        if (section["ApiKey"] is not null)
        {
            throw new ProviderConfigurationException(
                $"Configuration {where}:ApiKey is not allowed: keys are never read from files. Put the key in an environment variable and name it in {where}:ApiKeyEnv.");
        }

        var baseline = known.TryGetValue(name, out var existing)
            ? existing
            : new ProviderOptions { Name = name, Kind = ProviderKind.OpenAICompatible, KeyRequired = false, JsonMode = JsonMode.Object };

        var kind = baseline.Kind;
        if (section["Kind"] is { Length: > 0 } kindText)
        {
            kind = ParseKind(kindText, where);
        }

        var keyVars = section["ApiKeyEnv"] is { Length: > 0 } keyEnv
            ? (IReadOnlyList<string>)[keyEnv]
            : baseline.ApiKeyVariables.Count > 0 ? baseline.ApiKeyVariables : [ProviderNames.Variable(name, "API_KEY")];

        var jsonMode = baseline.JsonMode;
        if (section["JsonMode"] is { Length: > 0 } jm)
        {
            jsonMode = Enum.TryParse<JsonMode>(jm, ignoreCase: true, out var parsed)
                ? parsed
                : throw new ProviderConfigurationException($"Configuration {where}:JsonMode is '{jm}': use Schema, Object or None.");
        }

        var responses = section.GetSection("ResponsesModels").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        return baseline with
        {
            Kind = kind,
            BaseUrl = section["BaseUrl"] is { Length: > 0 } b ? b : baseline.BaseUrl,
            ApiKeyVariables = keyVars,
            KeyRequired = section["KeyRequired"] is { } kr ? bool.Parse(kr) : baseline.KeyRequired,
            Family = section["Family"] is { Length: > 0 } f ? f.ToLowerInvariant() : baseline.Family,
            ApiVersion = section["ApiVersion"] is { Length: > 0 } v ? v : baseline.ApiVersion,
            DefaultModel = section["DefaultModel"] is { Length: > 0 } m ? m : baseline.DefaultModel,
            ResponsesModels = responses.Count > 0 ? responses : baseline.ResponsesModels,
            JsonMode = jsonMode,
            Source = "configuration",
        };
    }

    private static ProviderKind ParseKind(string text, string where) => ProviderNames.Canonical(text) switch
    {
        ProviderNames.OpenAI => ProviderKind.OpenAI,
        ProviderNames.Anthropic => ProviderKind.Anthropic,
        ProviderNames.Gemini => ProviderKind.Gemini,
        ProviderNames.XAI => ProviderKind.XAI,
        ProviderNames.Ollama => ProviderKind.Ollama,
        ProviderNames.Azure => ProviderKind.AzureOpenAI,
        ProviderNames.Compat => ProviderKind.OpenAICompatible,
        _ => Enum.TryParse<ProviderKind>(text, ignoreCase: true, out var k)
            ? k
            : throw new ProviderConfigurationException(
                $"Configuration {where}:Kind is '{text}': use one of {string.Join(", ", ProviderNames.BuiltIn)}."),
    };

    private static int Order(string name)
    {
        int i = ProviderNames.BuiltIn.ToList().IndexOf(name);
        return i < 0 ? int.MaxValue : i;
    }

    /// <summary>True when the name (or an alias) is built in or configured.</summary>
    public bool IsKnown(string provider) => _providers.ContainsKey(ProviderNames.Canonical(provider));

    /// <summary>The options for a provider name or alias, whether or not it is usable here.</summary>
    public ProviderOptions Get(string provider) =>
        _providers.TryGetValue(ProviderNames.Canonical(provider), out var p)
            ? p
            : throw new ProviderConfigurationException(
                $"Unknown provider '{provider}': use one of {string.Join(", ", _providers.Keys.OrderBy(Order).ThenBy(k => k, StringComparer.Ordinal))}, or add it under {ConfigurationSection}.");

    /// <summary>
    /// The options for a panelist's provider, checked to be usable: base URL set and key present when needed.
    /// Throws <see cref="ProviderConfigurationException"/> naming the variable to set.
    /// </summary>
    public ProviderOptions Require(PanelistSpec panelist)
    {
        ArgumentNullException.ThrowIfNull(panelist);
        var p = Get(panelist.Provider);
        if (string.IsNullOrWhiteSpace(p.BaseUrl))
        {
            string variable = p.Kind == ProviderKind.AzureOpenAI && p.Name == ProviderNames.Azure
                ? "AZURE_OPENAI_ENDPOINT"
                : ProviderNames.Variable(p.Name, "BASE_URL");
            throw new ProviderConfigurationException(
                $"Panel member {panelist.Id}: provider '{p.Name}' has no endpoint; set the environment variable {variable}.");
        }

        if (!Uri.TryCreate(p.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ProviderConfigurationException(
                $"Panel member {panelist.Id}: provider '{p.Name}' has base URL '{p.BaseUrl}', which is not an http(s) URL.");
        }

        if (p.KeyRequired && ApiKey(p) is null)
        {
            throw new ProviderConfigurationException(
                $"Panel member {panelist.Id}: no API key for provider '{p.Name}'; set the environment variable {string.Join(" or ", p.ApiKeyVariables)}.");
        }

        return p;
    }

    /// <summary>Checks every panelist and throws one message listing every problem, one per clause.</summary>
    public void Validate(IEnumerable<PanelistSpec> panel)
    {
        var problems = new List<string>();
        foreach (var panelist in panel)
        {
            try
            {
                Require(panelist);
            }
            catch (ProviderConfigurationException e)
            {
                problems.Add(e.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new ProviderConfigurationException(string.Join(" ", problems));
        }
    }

    /// <summary>The key from the first of the provider's variables that is set; never logged.</summary>
    internal string? ApiKey(ProviderOptions provider) =>
        provider.ApiKeyVariables.Select(v => _environment(v)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    /// <summary>Lines for <c>crosscheck providers</c>: name, kind, family, base URL, key variable with the key masked.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        var providers = Providers;
        if (providers.Count == 0)
        {
            lines.Add("No provider configured: the offline grounding checker is the whole panel. Set e.g. OPENAI_API_KEY or ANTHROPIC_API_KEY to add models.");
            return lines;
        }

        foreach (var p in providers)
        {
            string key = p.ApiKeyVariables.Count == 0
                ? "no key"
                : ApiKey(p) is { } k
                    ? $"{FirstSetVariable(p)}={Mask(k)}"
                    : p.KeyRequired ? $"{string.Join("/", p.ApiKeyVariables)} not set" : "no key";
            string extra = p.ApiVersion is null ? "" : $" api-version={p.ApiVersion}";
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{p.Name,-10} {p.Kind,-16} family={p.Family ?? "(from model)",-10} {p.BaseUrl ?? "(no endpoint)"} {key}{extra} [{p.Source}]"));
        }

        return lines;
    }

    private string? FirstSetVariable(ProviderOptions p) =>
        p.ApiKeyVariables.FirstOrDefault(v => !string.IsNullOrWhiteSpace(_environment(v)));

    /// <summary>Shows only the last four characters (and a well-known <c>sk-</c> prefix): <c>sk-…abcd</c>.</summary>
    public static string Mask(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 12)
        {
            return "…";
        }

        string prefix = key.StartsWith("sk-", StringComparison.Ordinal) ? "sk-" : "";
        return prefix + "…" + key[^4..];
    }

    /// <summary>
    /// Sends a tiny request to every listed provider that has a model to ask (its <see cref="ProviderOptions.DefaultModel"/>)
    /// and reports success, latency or the error, one result per provider. Never throws for a provider error.
    /// </summary>
    public async Task<IReadOnlyList<ProviderPingResult>> PingAsync(ModelClientFactory factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var request = new ModelRequest("ping", "You are a connectivity check. Reply with the single word: pong.", "ping", MaxTokens: 16);
        var tasks = Providers.Select(async p =>
        {
            if (p.DefaultModel is null)
            {
                return new ProviderPingResult(p.Name, null, false, TimeSpan.Zero,
                    $"no model to ping; set {ProviderNames.Variable(p.Name, "DEFAULT_MODEL")} or {ConfigurationSection}:{p.Name}:DefaultModel");
            }

            var panelist = new PanelistSpec(p.Name, p.DefaultModel, p.Family ?? p.Name);
            try
            {
                var client = factory.Create(panelist);
                var answer = await client.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
                return new ProviderPingResult(p.Name, p.DefaultModel, true, answer.Latency,
                    $"ok ({answer.ModelVersion ?? p.DefaultModel}, {answer.InputTokens}+{answer.OutputTokens} tokens)");
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return new ProviderPingResult(p.Name, p.DefaultModel, false, TimeSpan.Zero, OneLine(e));
            }
        });
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private static string OneLine(Exception e)
    {
        string message = e.Message.ReplaceLineEndings(" ");
        return message.Length > 200 ? message[..200] + "…" : message;
    }
}
