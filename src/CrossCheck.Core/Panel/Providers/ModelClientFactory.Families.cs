using System.Text.RegularExpressions;

namespace CrossCheck.Panel.Providers;

/// <summary>Which models take which API and settings: the model-family rules of <see cref="ModelClientFactory"/>.</summary>
public sealed partial class ModelClientFactory
{
    /// <summary>
    /// True when a model is served only on <c>/v1/responses</c>: OpenAI and Azure models of the pro family
    /// (<c>o1-pro</c>, <c>o3-pro</c>, <c>gpt-5-pro</c>, <c>gpt-5.2-pro</c>), or any listed in <see cref="ProviderOptions.ResponsesModels"/>.
    /// </summary>
    public static bool UsesResponsesApi(ProviderOptions provider, string model)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(model);
        if (provider.ResponsesModels.Contains(model, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return provider.Kind is ProviderKind.OpenAI or ProviderKind.AzureOpenAI && ProFamily().IsMatch(model);
    }

    /// <summary>
    /// Reasoning models (o-series, gpt-5 family except the chat variants) reject a temperature other than the default,
    /// so none is sent to them.
    /// </summary>
    public static bool AcceptsTemperature(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string m = model.ToLowerInvariant();
        m = m.Contains('/', StringComparison.Ordinal) ? m[(m.LastIndexOf('/') + 1)..] : m;
        return !(ReasoningFamily().IsMatch(m) && !m.Contains("-chat", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^(o\d|gpt-\d[\w.]*)(-[\w.]+)*-pro(-[\w.]+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex ProFamily();

    [GeneratedRegex(@"^(o\d|gpt-5)")]
    private static partial Regex ReasoningFamily();
}
