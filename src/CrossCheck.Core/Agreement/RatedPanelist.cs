namespace CrossCheck.Agreement;

/// <summary>A column of the ratings table: the panelist's name (as in matrix columns) and its model family.</summary>
public sealed record RatedPanelist(string Name, string Family);
