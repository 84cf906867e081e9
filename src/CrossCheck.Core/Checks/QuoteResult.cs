namespace CrossCheck.Checks;

/// <summary>What QuoteCheck found for one quotation: the match level, the similarity (1 for exact) and where.</summary>
public sealed record QuoteResult(string Quote, QuoteMatch Match, double Similarity, SourceLocation? Location)
{
    public bool Verified => Match is QuoteMatch.Exact or QuoteMatch.Normalised;

    public string Describe() => Match switch
    {
        QuoteMatch.Exact => $"quote found verbatim ({Location!.Describe()})",
        QuoteMatch.Normalised => $"quote found once normalised ({Location!.Describe()})",
        QuoteMatch.Near => $"misquote: closest source wording ({Similarity:0.00} similar, {Location!.Describe()}) is \"{Excerpt(Location.Text)}\"",
        _ => Location is null ? "quote not found in the sources" : $"quote not found in the sources (closest text only {Similarity:0.00} similar)",
    };

    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > 240 ? flat[..240] + "…" : flat;
    }
}
