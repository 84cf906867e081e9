using CrossCheck.Ingest;

namespace CrossCheck.Checks;

/// <summary>What SectionCheck found for one section reference.</summary>
public sealed record SectionResult(string Reference, SectionMatch Match, Section? Section, string? SourceFile, SourceLocation? Evidence)
{
    public string Describe() => Match switch
    {
        SectionMatch.Holds => $"section {Reference} (\"{Section!.Title}\", {SourceFile} p. {Section.Page}) holds the evidence",
        SectionMatch.Elsewhere => $"section {Reference} (\"{Section!.Title}\") exists, but the evidence is in {Evidence?.Describe() ?? "another part"}",
        _ => $"no section {Reference} in the sources",
    };
}
