using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CrossCheck.Models;

/// <summary>
/// Identifies a model request by everything that shapes its answer: provider, model, both
/// messages, schema, temperature and token limit. Prompt edits change the system message and so
/// the hash. Resume and replay find recorded answers by it, and the response cache keys on it too
/// (<c>Caching.CacheKey</c>): one request hash for all three.
/// </summary>
public static class ModelRequestHash
{
    public static string Compute(PanelistSpec panelist, ModelRequest request) =>
        Compute(panelist.Provider, panelist.Model, request.SystemPrompt, request.UserContent, request.JsonSchema, request.Temperature, request.MaxTokens);

    /// <summary>The same hash from its parts. Its layout is part of provenance format v1: changing it breaks resume and replay of existing logs.</summary>
    public static string Compute(string provider, string model, string systemPrompt, string userContent, string? jsonSchema, double? temperature, int maxTokens) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F',
            provider, model, systemPrompt, userContent, jsonSchema ?? "",
            temperature?.ToString("R", CultureInfo.InvariantCulture) ?? "", maxTokens.ToString(CultureInfo.InvariantCulture)))));
}
