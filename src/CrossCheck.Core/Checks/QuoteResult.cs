namespace CrossCheck.Checks;

/// <summary>What QuoteCheck found for one quotation: the match level, the similarity (1 for exact) and where.</summary>
public sealed record QuoteResult(string Quote, QuoteMatch Match, double Similarity, SourceLocation? Location)
{
    public bool Verified => Match is QuoteMatch.Exact or QuoteMatch.Normalised;

    /// <summary>For a verified quote, the other places the same words stand, in source order (at most <see cref="QuoteCheck.MaxOtherPlaces"/>).</summary>
    public IReadOnlyList<SourceLocation> OtherPlaces { get; init; } = [];

    public string Describe() => Match switch
    {
        QuoteMatch.Exact => $"quote found verbatim ({Location!.Describe()}){AlsoAt()}",
        QuoteMatch.Normalised => $"quote found once normalised ({Location!.Describe()}){AlsoAt()}",
        QuoteMatch.Near => $"misquote: closest source wording ({Similarity:0.00} similar, {Location!.Describe()}) is \"{Excerpt(Location.Text)}\"",
        _ => Location is null ? "quote not found in the sources" : $"quote not found in the sources (closest text only {Similarity:0.00} similar)",
    };

    /// <summary>"; the same words also stand at 10 other places (a.pdf pp. 80, 81, …)", or nothing for a quote found once.</summary>
    public string AlsoAt() => OtherPlaces.Count == 0 ? "" : "; " + DescribeOtherPlaces(OtherPlaces.Select(p => (p.Source.FileName, p.Page)).ToArray());

    /// <summary>"the same words also stand at 2 other places (a.pdf pp. 2, 3)": the other places of a quote, by source and page.</summary>
    public static string DescribeOtherPlaces(IReadOnlyList<(string Source, int Page)> places)
    {
        var count = places.Count >= QuoteCheck.MaxOtherPlaces ? $"{places.Count} or more" : places.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var where = string.Join("; ", places.GroupBy(p => p.Source).Select(g =>
        {
            var pages = g.Select(p => p.Page).Distinct().ToArray();
            return $"{g.Key} {(pages.Length == 1 ? "p." : "pp.")} {string.Join(", ", pages.Take(12))}{(pages.Length > 12 ? ", …" : "")}";
        }));
        return $"the same words also stand at {count} other place{(places.Count == 1 ? "" : "s")} ({where})";
    }

    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > 240 ? flat[..240] + "…" : flat;
    }
}
