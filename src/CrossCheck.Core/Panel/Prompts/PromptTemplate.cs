using System.Security.Cryptography;
using System.Text;

namespace CrossCheck.Panel.Prompts;

/// <summary>
/// One stage's prompt, loaded from a Semantic Kernel prompt folder (<c>skprompt.txt</c> +
/// <c>config.json</c>, plus our <c>schema.json</c>): the system text, the pinned execution
/// settings, the JSON schema of the answer, a version and a hash of all of it.
/// </summary>
public sealed record PromptTemplate(
    string Name,
    string Version,
    string SystemTemplate,
    double? Temperature,
    int MaxTokens,
    string? Schema,
    string Folder)
{
    /// <summary>SHA-256 over the template text, settings and schema: any edit changes it.</summary>
    public string Hash { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{Name}\n{Version}\n{Temperature}\n{MaxTokens}\n{Schema}\n{SystemTemplate}")));

    public string Id => $"{Name}@{Version}";
}
