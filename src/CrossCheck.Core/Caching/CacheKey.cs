using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrossCheck.Models;

namespace CrossCheck.Caching;

/// <summary>
/// The content address of a model call: SHA-256 (lower-case hex) over provider, model, system prompt, user content, JSON
/// schema, temperature, max tokens and prompt version, each length-prefixed so no two different tuples share an input.
/// The stage name is not part of it: two stages that send the same bytes get the same answer.
/// </summary>
public static class CacheKey
{
    /// <summary>Bumped when the key's layout changes, so old entries simply stop matching.</summary>
    public const string Format = "crosscheck-cache-v1";

    public static string Compute(
        string provider,
        string model,
        string systemPrompt,
        string userContent,
        string? jsonSchema,
        double? temperature,
        int maxTokens,
        string promptVersion)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(systemPrompt);
        ArgumentNullException.ThrowIfNull(userContent);
        ArgumentNullException.ThrowIfNull(promptVersion);

        var text = new StringBuilder();
        void Field(string? value)
        {
            if (value is null)
            {
                text.Append("-1:");
                return;
            }

            text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        Field(Format);
        Field(provider);
        Field(model);
        Field(systemPrompt);
        Field(userContent);
        Field(jsonSchema);
        Field(temperature?.ToString("R", CultureInfo.InvariantCulture));
        Field(maxTokens.ToString(CultureInfo.InvariantCulture));
        Field(promptVersion);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The key of <paramref name="request"/> sent to <paramref name="panelist"/>.</summary>
    public static string For(PanelistSpec panelist, ModelRequest request, string promptVersion)
    {
        ArgumentNullException.ThrowIfNull(panelist);
        ArgumentNullException.ThrowIfNull(request);
        return Compute(panelist.Provider, panelist.Model, request.SystemPrompt, request.UserContent, request.JsonSchema,
            request.Temperature, request.MaxTokens, promptVersion);
    }
}
