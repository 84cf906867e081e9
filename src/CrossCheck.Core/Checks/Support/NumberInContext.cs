using CrossCheck.Claims;

namespace CrossCheck.Checks;

/// <summary>
/// A number of a source with what it is about: the sentence it stands in, or for a table cell
/// the row's label and the column's header. Offsets are in the passage's text.
/// </summary>
public sealed record NumberInContext(NumberMention Number, string Context, int ContextStart, int ContextEnd, string? RowLabel = null, string? ColumnHeader = null)
{
    public bool InTable => RowLabel is not null;

    /// <summary>The sentence with the one before it, where "it" and "this" find what they stand for.</summary>
    public string Wider { get; init; } = Context;

    /// <summary>"row "Baseline average", column "GLUE"" for a table cell; null for a sentence.</summary>
    public string? Cell => InTable ? $"table row \"{RowLabel}\"" + (string.IsNullOrEmpty(ColumnHeader) ? "" : $", column \"{ColumnHeader}\"") : null;
}
