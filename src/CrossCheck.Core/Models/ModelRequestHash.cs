using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CrossCheck.Models;

/// <summary>
/// Identifies a model request by everything that shapes its answer: provider, model, both
/// messages, schema, temperature and token limit. Prompt edits change the system message and so
/// the hash. Resume and replay find recorded answers by it.
/// </summary>
public static class ModelRequestHash
{
    public static string Compute(PanelistSpec panelist, ModelRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F',
            panelist.Provider, panelist.Model, request.SystemPrompt, request.UserContent, request.JsonSchema ?? "",
            request.Temperature?.ToString("R", CultureInfo.InvariantCulture) ?? "", request.MaxTokens.ToString(CultureInfo.InvariantCulture)))));
}
