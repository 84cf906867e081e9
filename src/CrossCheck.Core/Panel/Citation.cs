namespace CrossCheck.Panel;

/// <summary>A quotation a model cites as evidence, with the passage and page it names.</summary>
public sealed record Citation(string? PassageId, int? Page, string Quote);
