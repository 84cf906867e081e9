using System.Text;
using CrossCheck.Evidence;
using CrossCheck.Ingest;

namespace CrossCheck.Tests.Evidence;

public sealed class EvidenceSelectorTests
{
    /// <summary>A Markdown source with one paragraph (so one passage) per entry; "# " entries are headings.</summary>
    private static (Bm25Index Index, IReadOnlyList<Passage> Passages) Corpus(params string[] paragraphs)
    {
        var text = string.Join("\n\n", paragraphs);
        var doc = new Document("S1", "s.md", DocumentKind.Markdown, text, [new Page(1, 0, text.Length)], "", Encoding.UTF8.GetByteCount(text));
        var passages = new PassageSplitter().Split(doc);
        return (new Bm25Index(passages), passages);
    }

    private static Passage Find(IReadOnlyList<Passage> passages, string text) => passages.Single(p => p.Text.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void Select_WhenEvidenceRanksBeyondTheOldTop60_StillFindsItWithinTheBudget()
    {
        var paragraphs = Enumerable.Range(1, 100).Select(i => $"Harbour dredging cost rose sharply in year {i}.").Append("Dredging cost rose per the audit.").ToArray();
        var (index, passages) = Corpus(paragraphs);
        using var _ = index;
        var gold = Find(passages, "per the audit");
        const string claim = "Harbour dredging cost rose sharply.";

        var before = new EvidenceSelector(index, 2000, EvidenceSelectorOptions.Baseline).Select(claim);
        var now = new EvidenceSelector(index, 2000).Select(claim);

        Assert.DoesNotContain(before, e => e.Passage == gold);
        Assert.Contains(now, e => e.Passage == gold);
        Assert.True(now.Sum(e => e.Passage.Tokens) <= 2000);
    }

    [Fact]
    public void Select_WhenAPassageIsTooLargeForWhatIsLeft_SkipsItAndKeepsFilling()
    {
        var big = "Tidal turbines were installed near the pier, " + string.Join(" ", Enumerable.Repeat("and the installation went on for weeks", 9)) + ".";
        var (index, passages) = Corpus("Tidal turbines produced power at the pier.", big, "Turbines at the pier were inspected.", "Turbines were quiet.");
        using var _ = index;
        var budget = passages[0].Tokens + passages[2].Tokens + passages[3].Tokens + 4;
        Assert.True(passages[1].Tokens > budget - passages[0].Tokens, "the test needs the long passage not to fit after the first");

        var filled = new EvidenceSelector(index, budget, EvidenceSelectorOptions.Default with { NeighbourHits = 0 }).Select("tidal turbines at the pier");
        var stopped = new EvidenceSelector(index, budget, EvidenceSelectorOptions.Default with { NeighbourHits = 0, FillBudget = false }).Select("tidal turbines at the pier");

        Assert.DoesNotContain(filled, e => e.Passage == passages[1]);
        Assert.Contains(filled, e => e.Passage == passages[2]);
        Assert.Contains(filled, e => e.Passage == passages[3]);
        Assert.True(filled.Sum(e => e.Passage.Tokens) > stopped.Sum(e => e.Passage.Tokens));
    }

    [Fact]
    public void Select_ShortBestPassage_IsShownWithThePassagesAroundIt()
    {
        var (index, passages) = Corpus(
            "The board met in March.", "It then turned to its investments.", "The fund lost 12 percent.", "Members asked for an audit.", "Lunch was served.",
            string.Join(" ", Enumerable.Range(1, 40).Select(i => $"Filler sentence number {i} about gardens.")));
        using var _ = index;

        var evidence = new EvidenceSelector(index, 2000).Select("The pension fund lost 12 percent.");

        Assert.Equal(passages[2], evidence[0].Passage);
        var before = evidence.Single(e => e.Passage == passages[1]);
        var after = evidence.Single(e => e.Passage == passages[3]);
        Assert.Contains("context before", before.Reason, StringComparison.Ordinal);
        Assert.Contains("context after", after.Reason, StringComparison.Ordinal);
        Assert.Contains("rank 1", evidence[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_LongBestPassage_ComesWithoutNeighbours()
    {
        var longHit = "The pension fund lost 12 percent. " + string.Join(" ", Enumerable.Range(1, 60).Select(i => $"Trustees noted item {i} of the agenda."));
        var (index, passages) = Corpus("Lunch was served.", longHit, "Coffee followed.");
        using var _ = index;

        var evidence = new EvidenceSelector(index, 2000).Select("The pension fund lost 12 percent.");

        Assert.Equal(passages[1], evidence[0].Passage);
        Assert.DoesNotContain(evidence, e => e.Reason.StartsWith("context", StringComparison.Ordinal));
    }

    [Fact]
    public void Select_WithAnExtraQuery_FindsWhatTheClaimsOwnWordsMiss()
    {
        var (index, passages) = Corpus(
            "Revenue grew in the northern region.", "The firm's turnover rose by a fifth in 2023.", "Costs were flat.", "Growth was slow in the south.");
        using var _ = index;
        var gold = passages[1];
        var options = EvidenceSelectorOptions.Default with { NeighbourHits = 0 };

        var alone = new EvidenceSelector(index, 2000, options).Select("Revenue grew.");
        var helped = new EvidenceSelector(index, 2000, options).Select("Revenue grew.", extraQuery: "turnover rose by a fifth in 2023");

        Assert.DoesNotContain(alone, e => e.Passage == gold);
        Assert.Contains(helped, e => e.Passage == gold);
        // The claim's own words still weigh more than the extra text.
        Assert.Equal(passages[0], helped[0].Passage);
    }

    [Fact]
    public void Select_ClaimNamingASectionsTopic_RanksThatSectionsPassageAboveTheSameWordsElsewhere()
    {
        var (index, passages) = Corpus(
            "# Staffing", "Work began in spring.", "The total came to 40 million over three years.",
            "# Dredging costs", "Work began in spring.", "The total came to 40 million over three years.");
        using var _ = index;
        // The same words in both sections' second paragraphs: only the heading tells them apart.
        var gold = passages.Last();
        var other = passages.Single(p => p.Text.StartsWith("The total", StringComparison.Ordinal) && p != gold);
        const string claim = "Dredging costs came to 40 million.";
        var options = EvidenceSelectorOptions.Default with { NeighbourHits = 0 };

        var withHeadings = new EvidenceSelector(index, 2000, options).Select(claim).Select(e => e.Passage).ToList();
        var without = new EvidenceSelector(index, 2000, options with { HeadingWeight = 0 }).Select(claim).Select(e => e.Passage).ToList();

        Assert.True(withHeadings.IndexOf(gold) < withHeadings.IndexOf(other));
        Assert.True(without.IndexOf(gold) > without.IndexOf(other));
    }

    [Fact]
    public void Select_PassageSayingTheClaimInItsOrder_OutranksOneThatOnlySharesItsWords()
    {
        var (index, passages) = Corpus(
            "Completions were harmful in a decline of trust; completions, harmful, declined, a decline noted.",
            "Filler about tides.",
            "Testing showed a decline in harmful completions after tuning.");
        using var _ = index;
        var gold = passages[2];
        const string claim = "There was a decline in harmful completions.";
        var options = EvidenceSelectorOptions.Default with { NeighbourHits = 0, PageWeight = 0 };

        var phrases = new EvidenceSelector(index, 2000, options).Select(claim);
        var words = new EvidenceSelector(index, 2000, options with { PhraseWeight = 0, ClaimPhraseWeight = 0, KeyTermWeight = 0, HeadingWeight = 0 }).Select(claim);

        Assert.Equal(gold, phrases[0].Passage);
        Assert.NotEqual(gold, words[0].Passage);
    }

    [Fact]
    public void Split_HeadingStaysWithTheParagraphUnderIt()
    {
        var (index, passages) = Corpus("# Dredging costs", "The total came to 40 million.", "Work began in spring.");
        using var _ = index;

        Assert.Equal(2, passages.Count);
        Assert.StartsWith("# Dredging costs", passages[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("40 million.", passages[0].Text, StringComparison.Ordinal);
        Assert.Equal("Work began in spring.", passages[1].Text);
    }

    [Fact]
    public void Select_SameWordsOnTwoPages_PrefersThePageWhereTheOtherHitsAre()
    {
        const string first = "Coolant pump failed twice.";
        var second = string.Join("\n\n", first, "The reactor coolant ran low.", "The reactor pump was replaced.");
        var text = first + "\n\n" + second;
        var doc = new Document("S1", "s.txt", DocumentKind.PlainText, text, [new Page(1, 0, first.Length), new Page(2, first.Length + 2, text.Length)], "", text.Length);
        var passages = new PassageSplitter().Split(doc);
        using var index = new Bm25Index(passages);
        const string claim = "The reactor coolant pump failed twice.";
        var options = EvidenceSelectorOptions.Default with { NeighbourHits = 0 };

        var clustered = new EvidenceSelector(index, 2000, options).Select(claim);
        var flat = new EvidenceSelector(index, 2000, options with { PageWeight = 0 }).Select(claim);

        Assert.Equal((first, 2), (clustered[0].Passage.Text, clustered[0].Passage.Page));
        Assert.Equal((first, 1), (flat[0].Passage.Text, flat[0].Passage.Page));
    }

    [Fact]
    public void Select_PinnedPassages_ComeFirstAndSayWhy()
    {
        var (index, passages) = Corpus("Alpha beta gamma.", "Delta epsilon.", "Alpha again.");
        using var _ = index;

        var evidence = new EvidenceSelector(index, 2000).Select("alpha", [passages[1]]);

        Assert.Equal(passages[1], evidence[0].Passage);
        Assert.Equal(ScoredPassage.PinnedReason, evidence[0].Reason);
        Assert.True(float.IsPositiveInfinity(evidence[0].Score));
        Assert.Single(evidence, e => e.Passage == passages[1]);
    }
}
