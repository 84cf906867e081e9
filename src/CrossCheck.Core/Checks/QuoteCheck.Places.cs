using CrossCheck.Ingest;

namespace CrossCheck.Checks;

public sealed partial class QuoteCheck
{
    /// <summary>At most this many other places are listed for a quote that stands at several.</summary>
    public const int MaxOtherPlaces = 50;

    /// <summary>
    /// The result with the other places the same words stand (exact or once normalised, in the running text; in a
    /// header, footnote or contents line only when the quote was found in one): a table row or a stock phrase repeated
    /// across the sources is located at one place, and the reader is told it is not the only one.
    /// </summary>
    private QuoteResult WithOtherPlaces(QuoteResult found, string[] foldedPieces)
    {
        if (!found.Verified || found.Location is not { } primary || foldedPieces.Length != 1)
        {
            return found;
        }
        var primaryAside = IsAside(primary.Source, primary.Start);
        var places = new List<SourceLocation>();
        foreach (var source in corpus.Sources)
        {
            var folded = source.Normalized;
            var words = corpus.Words(source);
            var seen = new List<(int Start, int End)>();
            foreach (var form in HyphenForms(foldedPieces))
            {
                foreach (var at in words.Occurrences(form[0]).Take(4 * MaxOtherPlaces))
                {
                    var (start, length) = folded.ToOriginal(at, form[0].Length);
                    var end = start + length;
                    if ((source == primary.Source && start < primary.End && end > primary.Start)
                        || seen.Any(s => start < s.End && end > s.Start)
                        || (!primaryAside && IsAside(source, start)))
                    {
                        continue;
                    }
                    seen.Add((start, end));
                    places.Add(new SourceLocation(source, start, end));
                    if (places.Count == MaxOtherPlaces)
                    {
                        return found with { OtherPlaces = Ordered(places) };
                    }
                }
            }
        }
        return places.Count == 0 ? found : found with { OtherPlaces = Ordered(places) };
    }

    private static bool IsAside(Document source, int at) => source.SetAside.Any(a => a.Start <= at && at < a.End);

    private List<SourceLocation> Ordered(List<SourceLocation> places)
    {
        var order = corpus.Sources.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        return places.OrderBy(p => order[p.Source]).ThenBy(p => p.Start).ToList();
    }
}
