namespace CrossCheck.Ingest;

/// <summary>
/// A section found from a numbered heading ("1.2.4.4 Evaluation infrastructure") or a Markdown
/// heading. <see cref="End"/> is where the next heading of the same or a higher level starts.
/// </summary>
public sealed record Section(string? Number, string Title, int Level, int Start, int End, int Page)
{
    public string Label => Number is null ? Title : $"{Number} {Title}";

    /// <summary>True when this section is <paramref name="number"/> or one of its subsections.</summary>
    public bool IsWithin(string number) =>
        Number is not null && (Number == number || Number.StartsWith(number + ".", StringComparison.Ordinal));
}
