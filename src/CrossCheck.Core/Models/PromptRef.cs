namespace CrossCheck.Models;

/// <summary>The prompt template a call used.</summary>
public sealed record PromptRef(string Name, string Version, string Hash);
