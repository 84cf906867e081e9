namespace CrossCheck.Claims;

/// <summary>Where a claim stands in the essay: 1-based line and column, and character offsets [Start, End).</summary>
public sealed record Occurrence(int Line, int Column, int Start, int End);
