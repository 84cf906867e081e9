using System.Globalization;
using CrossCheck.Models;
using Microsoft.Extensions.Configuration;

namespace CrossCheck.Costs;

/// <summary>
/// Prices per model, looked up as <c>provider:model</c>, then <c>model</c>, then <c>provider:*</c>. A model with no
/// price has an unknown (null) cost, never a silent zero. Configuration <c>CrossCheck:Prices</c> adds or overrides
/// entries: <c>"CrossCheck": { "Prices": { "anthropic": { "claude-opus-4-6": { "InputPerMillion": 5, "OutputPerMillion": 25,
/// "CachedInputPerMillion": 0.5 } }, "some-model": { ... } } }</c> (the colon of <c>provider:model</c> is a section level in
/// .NET configuration, so both nestings work; environment variables use <c>__</c>).
/// </summary>
public sealed class PriceTable
{
    public const string ConfigurationSection = "CrossCheck:Prices";

    private readonly Dictionary<string, ModelPrice> _prices;

    public PriceTable(IReadOnlyDictionary<string, ModelPrice> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        _prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, price) in prices)
        {
            _prices[Normalise(key)] = price;
        }
    }

    /// <summary>
    /// EDITABLE DEFAULTS, NOT AUTHORITATIVE: list prices in USD per million tokens for the seed panel as written down by
    /// hand when this table was made. Providers change prices; check them and override in <c>CrossCheck:Prices</c>.
    /// <c>ollama:*</c> is a deliberate zero: local inference has no per-token bill.
    /// </summary>
    public static IReadOnlyDictionary<string, ModelPrice> DefaultPrices { get; } = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase)
    {
        ["anthropic:claude-opus-4-6"] = new(5.00m, 25.00m, 0.50m),
        ["openai:gpt-5.2-pro"] = new(21.00m, 168.00m),
        ["gemini:gemini-3-pro"] = new(2.00m, 12.00m, 0.20m),
        ["xai:grok-4.1"] = new(3.00m, 15.00m, 0.75m),
        ["ollama:*"] = new(0m, 0m, 0m),
    };

    public static PriceTable Default { get; } = new(DefaultPrices);

    /// <summary>The defaults with <c>CrossCheck:Prices</c> laid over them. Throws <see cref="ProviderConfigurationException"/> on a bad value.</summary>
    public static PriceTable FromConfiguration(IConfiguration? configuration)
    {
        var prices = new Dictionary<string, ModelPrice>(DefaultPrices, StringComparer.OrdinalIgnoreCase);
        if (configuration is not null)
        {
            foreach (var child in configuration.GetSection(ConfigurationSection).GetChildren())
            {
                Read(child, child.Key, prices);
            }
        }

        return new PriceTable(prices);
    }

    public IReadOnlyDictionary<string, ModelPrice> Entries => _prices;

    /// <summary>The price of a model at a provider (name or alias), or null when none is known.</summary>
    public ModelPrice? Find(string provider, string model)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(model);
        string p = ProviderNames.Canonical(provider);
        return _prices.TryGetValue($"{p}:{model}", out var exact) ? exact
            : _prices.TryGetValue(model, out var byModel) ? byModel
            : _prices.TryGetValue($"{p}:*", out var byProvider) ? byProvider
            : null;
    }

    /// <summary>The cost of a call in USD, or null when the model's price is unknown.</summary>
    public decimal? Cost(string provider, string model, long inputTokens, long outputTokens, long cachedInputTokens = 0) =>
        Find(provider, model)?.Cost(inputTokens, outputTokens, cachedInputTokens);

    private static void Read(IConfigurationSection section, string key, Dictionary<string, ModelPrice> into)
    {
        bool isPrice = section["InputPerMillion"] is not null || section["OutputPerMillion"] is not null || section["CachedInputPerMillion"] is not null;
        if (!isPrice)
        {
            foreach (var child in section.GetChildren())
            {
                Read(child, key + ":" + child.Key, into);
            }

            return;
        }

        string where = section.Path;
        decimal input = Number(section, "InputPerMillion", where) ?? throw Missing(where, "InputPerMillion");
        decimal output = Number(section, "OutputPerMillion", where) ?? throw Missing(where, "OutputPerMillion");
        into[Normalise(key)] = new ModelPrice(input, output, Number(section, "CachedInputPerMillion", where));
    }

    private static decimal? Number(IConfigurationSection section, string name, string where) => section[name] is not { Length: > 0 } text
        ? null
        : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v) && v >= 0
            ? v
            : throw new ProviderConfigurationException($"Configuration {where}:{name} is '{text}': use a price in USD per million tokens, 0 or more.");

    private static ProviderConfigurationException Missing(string where, string name) =>
        new($"Configuration {where} has no {name}: give both InputPerMillion and OutputPerMillion (USD per million tokens).");

    /// <summary>Canonical provider prefix (<c>google:x</c> → <c>gemini:x</c>); a bare model name stays as it is.</summary>
    private static string Normalise(string key)
    {
        int colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? key : ProviderNames.Canonical(key[..colon]) + key[colon..];
    }
}
