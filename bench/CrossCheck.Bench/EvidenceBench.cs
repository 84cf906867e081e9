using System.Globalization;
using System.Text;
using CrossCheck.Claims;
using CrossCheck.Evidence;
using CrossCheck.Ingest;

namespace CrossCheck.Bench;

/// <summary>
/// Retrieval at the scale of a 200-page source (issue 16). Hit rate against the evidence-token
/// budget, as a curve, for the product's EvidenceSelector:
/// - wice-pooled: WiCE evidence pages pooled into corpora of N pages (one page of the pooled
///   source per cited web page), each claim's hit judged against its gold supporting_sentences;
/// - generated-retrieval: claims copied from a generated N-page PDF, a hit when the evidence
///   holds the claim's sentence.
/// </summary>
internal static class EvidenceBench
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;
    private static readonly int[] Budgets = [500, 1000, 2000, 4000, 8000];

    /// <summary>Time spent in Select per variant, over all budgets (noisy on a shared machine: compare within one run).</summary>
    private static readonly Dictionary<string, double> Seconds = [];

    public static int WicePooled(string path, string[] args)
    {
        var pagesPerCorpus = IntArg(args, "--pages", 200);
        var splitter = args.Contains("--splitter");
        var rows = Jsonl.Read(path);
        var claims = rows.Select((row, i) => new WiceClaim(
            i,
            row.GetProperty("claim").GetString() ?? "",
            row.GetProperty("evidence").EnumerateArray().Select(e => (e.GetString() ?? "").Replace('\n', ' ')).ToArray(),
            row.TryGetProperty("supporting_sentences", out var s)
                ? s.EnumerateArray().Select(set => set.EnumerateArray().Select(x => x.GetInt32()).ToArray()).Where(set => set.Length > 0).ToList()
                : [])).ToArray();
        // Corpora of exactly N pages: consecutive windows, the last one moved back to end at the last page.
        var windows = new List<(int From, int To, int ClaimsFrom)>();
        for (var from = 0; from < claims.Length; from += pagesPerCorpus)
        {
            var start = Math.Max(0, Math.Min(from, claims.Length - pagesPerCorpus));
            windows.Add((start, Math.Min(claims.Length, start + pagesPerCorpus), from));
        }
        var variants = Variants(args);
        var hits = variants.ToDictionary(v => v.Name, _ => new int[Budgets.Length]);
        var tokensShown = variants.ToDictionary(v => v.Name, _ => new double[Budgets.Length]);
        var judged = 0;
        var corpusTokens = new List<int>();
        foreach (var (from, to, claimsFrom) in windows)
        {
            var corpus = BuildCorpus(claims[from..to], splitter);
            corpusTokens.Add(TokenEstimator.Estimate(corpus.Document.Text));
            using var index = new Bm25Index(corpus.Passages);
            foreach (var claim in claims[claimsFrom..Math.Min(claims.Length, claimsFrom + pagesPerCorpus)].Where(c => c.Gold.Count > 0))
            {
                judged++;
                var spans = corpus.SentenceSpans[claim.Number];
                foreach (var variant in variants)
                {
                    for (var b = 0; b < Budgets.Length; b++)
                    {
                        var clock = System.Diagnostics.Stopwatch.StartNew();
                        var evidence = new EvidenceSelector(index, Budgets[b], variant.Options).Select(claim.Text);
                        Seconds[variant.Name] = Seconds.GetValueOrDefault(variant.Name) + clock.Elapsed.TotalSeconds;
                        tokensShown[variant.Name][b] += evidence.Sum(e => e.Passage.Tokens);
                        var covered = Enumerable.Range(0, spans.Length).Where(i => Covered(corpus.Document.Text, spans[i].Start, spans[i].End, evidence)).ToHashSet();
                        if (claim.Gold.Any(set => set.All(covered.Contains)))
                        {
                            hits[variant.Name][b]++;
                        }
                    }
                }
            }
        }
        Console.WriteLine($"WiCE pooled: {claims.Length} claims, {claims.Length} cited pages in {windows.Count} corpora of {pagesPerCorpus} pages ({string.Join(", ", corpusTokens.Select(t => t.ToString("N0", Ci)))} tokens); passages: {(splitter ? "PassageSplitter" : "one per sentence")}; {judged} claims with a gold set");
        return PrintCurve(variants, hits, tokensShown, judged, "wice_pooled");
    }

    public static int GeneratedRetrieval(string[] args)
    {
        var pages = IntArg(args, "--pages", 200);
        var count = IntArg(args, "--claims", 200);
        var folder = Directory.CreateTempSubdirectory("crosscheck-bench-").FullName;
        try
        {
            var source = Path.Combine(folder, "source.pdf");
            File.WriteAllBytes(source, IngestBench.GeneratePdf(pages, new Random(7)));
            var doc = new DocumentLoader().LoadSource(source, "S1");
            // The claims as `panel-tokens` draws them: sentences of the source longer than 60 characters.
            var spans = SentenceSplitter.Split(doc.Text).Select(s => (s.Start, s.End, Text: doc.Text[s.Start..s.End].Replace('\n', ' '))).Where(s => s.Text.Length > 60).ToArray();
            var random = new Random(3);
            var claims = Enumerable.Range(0, count).Select(_ => spans[random.Next(spans.Length)].Text).Distinct().ToArray();
            // Every place the claim's sentence occurs: a hit when one of them is wholly shown.
            var places = spans.GroupBy(s => Flat(s.Text)).ToDictionary(g => g.Key, g => g.Select(s => (s.Start, s.End)).ToArray());
            var passages = new PassageSplitter().Split(doc);
            using var index = new Bm25Index(passages);
            var variants = Variants(args);
            var hits = variants.ToDictionary(v => v.Name, _ => new int[Budgets.Length]);
            var tokensShown = variants.ToDictionary(v => v.Name, _ => new double[Budgets.Length]);
            foreach (var claim in claims)
            {
                var wanted = places[Flat(claim)];
                foreach (var variant in variants)
                {
                    for (var b = 0; b < Budgets.Length; b++)
                    {
                        var clock = System.Diagnostics.Stopwatch.StartNew();
                        var evidence = new EvidenceSelector(index, Budgets[b], variant.Options).Select(claim);
                        Seconds[variant.Name] = Seconds.GetValueOrDefault(variant.Name) + clock.Elapsed.TotalSeconds;
                        tokensShown[variant.Name][b] += evidence.Sum(e => e.Passage.Tokens);
                        if (wanted.Any(w => Covered(doc.Text, w.Start, w.End, evidence)))
                        {
                            hits[variant.Name][b]++;
                        }
                    }
                }
            }
            Console.WriteLine($"generated source: {pages} pages, {TokenEstimator.Estimate(doc.Text):N0} tokens, {passages.Count} passages; {claims.Length} distinct claims copied from it (hit: one place the claim's sentence occurs is wholly inside the evidence shown)");
            return PrintCurve(variants, hits, tokensShown, claims.Length, "generated");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Writes a generated N-page source PDF and an essay of M claims about it (its sentences, a
    /// third with a number changed so that some claims are wrong) for timing the offline check of
    /// two builds side by side with the real program (docs/benchmarks.md).
    /// </summary>
    public static int OfflineInputs(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new BenchInputException("offline-inputs: give the folder to write source.pdf and essay.md into.");
        }
        var folder = Directory.CreateDirectory(args[0]).FullName;
        var pages = IntArg(args, "--pages", 300);
        var count = IntArg(args, "--claims", 1000);
        var source = Path.Combine(folder, "source.pdf");
        File.WriteAllBytes(source, IngestBench.GeneratePdf(pages, new Random(7)));
        var doc = new DocumentLoader().LoadSource(source, "S1");
        var sentences = SentenceSplitter.Split(doc.Text).Select(s => doc.Text[s.Start..s.End].Replace('\n', ' ')).Where(s => s.Length > 60).Distinct().ToArray();
        var random = new Random(5);
        random.Shuffle(sentences);
        var claims = sentences.Take(count).Select(s => random.Next(3) == 0 ? System.Text.RegularExpressions.Regex.Replace(s, "[0-9]+", m => (int.Parse(m.Value, Ci) + 1).ToString(Ci)) : s);
        File.WriteAllLines(Path.Combine(folder, "essay.md"), claims.Select(c => c + "\n"));
        Console.WriteLine($"wrote {source} ({pages} pages) and {Path.Combine(folder, "essay.md")} ({Math.Min(count, sentences.Length)} claims)");
        return 0;
    }

    private static int PrintCurve(IReadOnlyList<Variant> variants, Dictionary<string, int[]> hits, Dictionary<string, double[]> tokens, int n, string key)
    {
        Console.WriteLine($"hit rate by evidence budget (tokens): {string.Join("  ", Budgets.Select(b => b.ToString(Ci).PadLeft(13)))}");
        foreach (var v in variants)
        {
            var cells = Budgets.Select((_, b) => $"{hits[v.Name][b] / (double)Math.Max(1, n):0.000} ({tokens[v.Name][b] / Math.Max(1, n),5:0})".PadLeft(15));
            Console.WriteLine($"  {v.Name,-28}{string.Join("", cells)}  {Seconds.GetValueOrDefault(v.Name) * 1000 / Math.Max(1, n * Budgets.Length),6:0.00} ms/select");
        }
        Console.WriteLine("  (in brackets: mean evidence tokens a claim was shown)");
        var main = variants[^1];
        Console.WriteLine($"{key}_hit_rate={string.Join(" ", Budgets.Select((b, i) => string.Create(Ci, $"{b}:{hits[main.Name][i] / (double)Math.Max(1, n):0.000}")))} n={n} variant={main.Name}");
        return 0;
    }

    /// <summary>The selector's defaults, or with --ablate each candidate change added one at a time (measured, not assumed).</summary>
    private static IReadOnlyList<Variant> Variants(string[] args) => args.Contains("--ablate")
        ? EvidenceSelectorOptions.Ablations().Select(a => new Variant(a.Name, a.Options)).ToArray()
        : [new Variant("default", EvidenceSelectorOptions.Default)];

    private static PooledCorpus BuildCorpus(WiceClaim[] pages, bool splitter)
    {
        // One page of the pooled source per cited web page; sentences on their own lines as
        // paragraphs, so PassageSplitter (with --splitter) may join them but passages can be
        // traced back to sentences; Markdown so a page's "# heading" lines become sections.
        var text = new StringBuilder();
        var pageList = new List<Page>();
        var spans = new Dictionary<int, (int Start, int End)[]>();
        foreach (var page in pages)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }
            var pageStart = text.Length;
            var sentenceSpans = new (int, int)[page.Sentences.Length];
            for (var i = 0; i < page.Sentences.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(splitter ? "\n" : "\n\n");
                }
                var start = text.Length;
                text.Append(page.Sentences[i]);
                sentenceSpans[i] = (start, text.Length);
            }
            spans[page.Number] = sentenceSpans;
            pageList.Add(new Page(pageList.Count + 1, pageStart, text.Length));
        }
        var body = text.ToString();
        var document = new Document("S1", "wice-pooled.md", DocumentKind.Markdown, body, pageList, "", Encoding.UTF8.GetByteCount(body));
        IReadOnlyList<Passage> passages = splitter
            ? new PassageSplitter().Split(document)
            : spans.Values.SelectMany(s => s).Where(s => s.End > s.Start)
                .Select((s, i) => new Passage($"S1#{i + 1}", document, s.Start, s.End, document.PageAt(s.Start), document.SectionAt(s.Start))).ToArray();
        return new PooledCorpus(document, passages, spans);
    }

    /// <summary>Every non-blank character of [start, end) lies in a shown passage (a sentence may run over two adjacent ones).</summary>
    private static bool Covered(string text, int start, int end, IReadOnlyList<ScoredPassage> evidence)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && !evidence.Any(e => e.Passage.Start <= i && i < e.Passage.End))
            {
                return false;
            }
        }
        return true;
    }

    private static string Flat(string text) => string.Join(' ', TextNormalizer.Fold(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], Ci, out var v) ? v : fallback;
    }

    private sealed record WiceClaim(int Number, string Text, string[] Sentences, List<int[]> Gold);

    private sealed record PooledCorpus(Document Document, IReadOnlyList<Passage> Passages, Dictionary<int, (int Start, int End)[]> SentenceSpans);

    private sealed record Variant(string Name, EvidenceSelectorOptions Options);
}
