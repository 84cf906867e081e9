namespace CrossCheck.Server.Runs;

/// <summary>One claim of a running run: <c>grounded</c> once the offline checker has seen it, <c>checked</c> once the panel has.</summary>
public sealed record ClaimProgress(string Id, string State);
