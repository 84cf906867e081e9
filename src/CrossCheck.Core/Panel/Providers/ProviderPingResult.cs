namespace CrossCheck.Panel.Providers;

/// <summary>The outcome of one tiny request sent by <see cref="ProviderRegistry.PingAsync"/>.</summary>
public sealed record ProviderPingResult(string Provider, string? Model, bool Ok, TimeSpan Latency, string Message);
