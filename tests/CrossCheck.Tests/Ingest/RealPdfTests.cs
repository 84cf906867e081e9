using System.Text.Json;
using CrossCheck.Checks;
using CrossCheck.Ingest;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Ingest;

/// <summary>
/// The real PDFs of ../shared/datasets/real-pdfs (papers, reports, a magazine layout): quotes read
/// by eye on the rendered pages must be found on their page, listed headings at theirs. The same
/// figures, with glued-word counts beside pdftotext's, come from `CrossCheck.Bench probes`.
/// </summary>
[StartEarly]
public sealed class RealPdfTests
{
    [RealPdfFact]
    public void Probes_AreFoundOnTheirPage_AndSectionsWhereTheyStand()
    {
        var folder = RealPdfFactAttribute.Folder!;
        var probes = Rows(Path.Combine(folder, "probes.jsonl"));
        var sections = Rows(Path.Combine(folder, "sections.jsonl"));
        int matched = 0, onPage = 0, found = 0;
        var misses = new List<string>();
        foreach (var doc in probes.Select(p => p.GetProperty("doc").GetString()!).Distinct())
        {
            var document = CrossCheck.Tests.Claims.RealPdfs.Load(Path.Combine(folder, doc + ".pdf"), "S1");
            using var corpus = new SourceCorpus([document]);
            var check = new QuoteCheck(corpus);
            foreach (var probe in probes.Where(p => p.GetProperty("doc").GetString() == doc))
            {
                var result = check.Check(probe.GetProperty("quote").GetString()!);
                matched += result.Verified ? 1 : 0;
                // On its page: located there or, for words that stand at several places, that page among those reported.
                var page = probe.GetProperty("page").GetInt32();
                var right = result.Verified && (result.Location!.Page == page || result.OtherPlaces.Any(p => p.Page == page));
                onPage += right ? 1 : 0;
                if (!right)
                {
                    misses.Add($"{doc} p{probe.GetProperty("page").GetInt32()}: {result.Describe()}");
                }
            }
            foreach (var expected in sections.Where(s => s.GetProperty("doc").GetString() == doc))
            {
                var number = expected.GetProperty("number").ValueKind == JsonValueKind.String ? expected.GetProperty("number").GetString() : null;
                var title = TextNormalizer.Fold(expected.GetProperty("title").GetString()!);
                var section = number is not null
                    ? document.Sections.FirstOrDefault(s => s.Number == number)
                    : document.Sections.FirstOrDefault(s => TextNormalizer.Fold(s.Title) == title);
                found += section?.Page == expected.GetProperty("page").GetInt32() ? 1 : 0;
            }
        }

        // Measured: 104 of 105 matched (the miss: "CO2" set in a math font with no Unicode map), every
        // one on its page (a table row that stands verbatim at eleven places lists its page among
        // them), 29 of 29 sections.
        Assert.True(matched >= Math.Ceiling(0.98 * probes.Count), $"{matched}/{probes.Count} matched:\n{string.Join('\n', misses)}");
        Assert.True(onPage == matched, $"{onPage}/{matched} on their page:\n{string.Join('\n', misses)}");
        Assert.True(found >= Math.Ceiling(0.95 * sections.Count), $"{found}/{sections.Count} sections at their page");
    }

    private static List<JsonElement> Rows(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
}
