using System.Text.Json;
using CrossCheck.Checks;
using CrossCheck.Claims;
using CrossCheck.Ingest;
using Xunit.Abstractions;

namespace CrossCheck.Tests.Claims;

/// <summary>
/// The offline checker on our own English, German and French essays about the real PDFs
/// (tests/corpus/regression): every planted error caught for the right reason, at most 1 in 20
/// true claims called contradicted or not_in_source, and lines that are not claims left out.
/// </summary>
public sealed class RegressionEssayTests(ITestOutputHelper output)
{
    private static readonly string[] Essays = ["en-parrots-t5.md", "de-nist-t5.md", "fr-nistir-parrots.md"];

    public static TheoryData<string> EssayNames() => new(Essays);

    [RealPdfsTheory]
    [MemberData(nameof(EssayNames))]
    public void Check_EveryPlantedErrorIsCaughtForTheRightReason(string essay)
    {
        var (rows, results) = Run(essay);

        var failures = new List<string>();
        foreach (var row in rows.Where(r => r.Kind is not ("true" or "not_a_claim")))
        {
            var (claim, result) = results[row.Claim];
            var verdict = result.Verdict.Name();
            if (!row.Verdicts.Contains(verdict))
            {
                failures.Add($"{row.Kind} \"{claim.Text}\": {verdict}, expected {string.Join(" or ", row.Verdicts)}");
            }
            foreach (var reason in row.Reasons.Where(r => !result.Reasons.Any(x => x.Contains(r, StringComparison.Ordinal))))
            {
                failures.Add($"{row.Kind} \"{claim.Text}\": no reason says \"{reason}\"");
            }
            if (row.Quote is { } quote && !result.Quotes.Any(q => !q.Verified && q.Quote.Contains(quote, StringComparison.Ordinal)))
            {
                failures.Add($"{row.Kind} \"{claim.Text}\": the quote with \"{quote}\" is not reported as unverified");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [RealPdfsTheory]
    [MemberData(nameof(EssayNames))]
    public void Extract_LinesThatAreNotClaimsAreNotCheckable_AndEveryCheckableClaimIsListed(string essay)
    {
        var (rows, results) = Run(essay);

        Assert.All(rows.Where(r => r.Kind == "not_a_claim"), r => Assert.False(results[r.Claim].Claim.Checkable, r.Claim));
        var listed = rows.Select(r => results[r.Claim].Claim.Id).ToHashSet();
        var unlisted = results.Values.Select(v => v.Claim).Where(c => c.Checkable && !listed.Contains(c.Id)).Select(c => c.Text).ToArray();
        Assert.True(unlisted.Length == 0, "checkable claims missing from expected.jsonl: " + string.Join(" | ", unlisted));
    }

    [RealPdfsTheory]
    [InlineData("all")]
    public void Check_AtMostOneInTwentyTrueClaimsIsContradictedOrNotInSource(string scope)
    {
        var wrong = new List<string>();
        var total = 0;
        foreach (var essay in Essays)
        {
            var (rows, results) = Run(essay);
            foreach (var row in rows.Where(r => r.Kind == "true"))
            {
                total++;
                var (claim, result) = results[row.Claim];
                if (result.Verdict is Verdict.Contradicted or Verdict.NotInSource)
                {
                    wrong.Add($"{essay}: {result.Verdict.Name()} \"{claim.Text}\" ({string.Join("; ", result.Reasons)})");
                }
            }
        }
        output.WriteLine($"{scope}: {wrong.Count} of {total} true claims contradicted or not_in_source");
        wrong.ForEach(output.WriteLine);
        Assert.True(total >= 20, $"only {total} true claims");
        Assert.True(wrong.Count * 20 <= total, string.Join("\n", wrong));
    }

    // Loading the PDFs is the slow part: each essay is checked once per test run.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(IReadOnlyList<Row>, Dictionary<string, (Claim, GroundingResult)>, string)>> Cache = new();

    private (IReadOnlyList<Row> Rows, Dictionary<string, (Claim Claim, GroundingResult Result)> Results) Run(string essay)
    {
        var (rows, results, log) = Cache.GetOrAdd(essay, e => new Lazy<(IReadOnlyList<Row>, Dictionary<string, (Claim, GroundingResult)>, string)>(() => Load(e))).Value;
        output.WriteLine(log);
        return (rows, results);
    }

    private static (IReadOnlyList<Row> Rows, Dictionary<string, (Claim Claim, GroundingResult Result)> Results, string Log) Load(string essay)
    {
        var log = new System.Text.StringBuilder();
        var folder = RealPdfs.Folder!;
        var manifest = File.ReadLines(Path.Combine(RealPdfs.Essays, "essays.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Single(e => e.GetProperty("essay").GetString() == essay);
        var loader = new DocumentLoader();
        var sources = manifest.GetProperty("sources").EnumerateArray()
            .Select((s, i) => RealPdfs.Load(Path.Combine(folder, s.GetString()!), $"S{i + 1}")).ToArray();
        using var corpus = new SourceCorpus(sources);
        var claims = ClaimExtractor.Extract(loader.LoadEssay(Path.Combine(RealPdfs.Essays, essay)));
        var checker = new GroundingChecker(corpus);
        var rows = File.ReadLines(Path.Combine(RealPdfs.Essays, "expected.jsonl")).Select(Row.Parse).Where(r => r.Essay == essay).ToArray();
        var results = new Dictionary<string, (Claim, GroundingResult)>();
        foreach (var row in rows)
        {
            var claim = Assert.Single(claims, c => c.Text.Contains(row.Claim, StringComparison.Ordinal));
            var result = checker.Check(claim);
            results[row.Claim] = (claim, result);
            log.AppendLine($"[{result.Verdict.Name()}] {row.Kind}: {claim.Text}");
            foreach (var reason in result.Reasons)
            {
                log.AppendLine($"    - {reason}");
            }
        }
        foreach (var claim in claims.Where(c => !rows.Any(r => c.Text.Contains(r.Claim, StringComparison.Ordinal))))
        {
            results[claim.Id] = (claim, checker.Check(claim));
        }
        return (rows, results, log.ToString());
    }

    private sealed record Row(string Essay, string Claim, string Kind, string[] Verdicts, string[] Reasons, string? Quote)
    {
        public static Row Parse(string line)
        {
            var e = JsonDocument.Parse(line).RootElement;
            string[] Strings(string name) => e.TryGetProperty(name, out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
            return new Row(
                e.GetProperty("essay").GetString()!,
                e.GetProperty("claim").GetString()!,
                e.GetProperty("kind").GetString()!,
                Strings("verdicts"),
                Strings("reasons"),
                e.TryGetProperty("quote", out var q) ? q.GetString() : null);
        }
    }
}
