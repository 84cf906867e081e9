using CrossCheck.Claims;
using CrossCheck.Evidence;

namespace CrossCheck.Checks;

/// <summary>
/// What the support judgement measures about a claim and its evidence, each in [0, 1] except
/// <see cref="LogLength"/>. Coverage is over the claim's content words (stemmed); "top" means
/// the union of the best one to three passages picked greedily, since a claim often needs two
/// sentences. <see cref="SupportScorer"/> combines these with fixed weights.
/// </summary>
public sealed record SupportFeatures
{
    public static readonly string[] Names =
        ["best", "top", "all", "idf_top", "names", "numbers", "bigrams", "log_len", "numbers_all"];

    /// <summary>Share of content words in the single best passage.</summary>
    public required double BestCoverage { get; init; }

    /// <summary>Share of content words in the best passages combined (up to three).</summary>
    public required double TopCoverage { get; init; }

    /// <summary>Share of content words found anywhere in the evidence.</summary>
    public required double AllCoverage { get; init; }

    /// <summary>
    /// Like <see cref="TopCoverage"/>, but each word weighs its inverse document frequency over the
    /// evidence passages, so a word absent from every passage counts most.
    /// </summary>
    public required double IdfTopCoverage { get; init; }

    /// <summary>Share of names (capitalised words inside a sentence) in the best passages; 1 when the claim has none.</summary>
    public required double NameCoverage { get; init; }

    /// <summary>Share of the claim's numbers in the best passages; 1 when the claim has none.</summary>
    public required double NumberCoverage { get; init; }

    /// <summary>Share of the claim's numbers found anywhere in the evidence; 1 when the claim has none.</summary>
    public required double AllNumberCoverage { get; init; }

    /// <summary>Share of adjacent content-word pairs of the claim that stand together in the best passages.</summary>
    public required double BigramCoverage { get; init; }

    /// <summary>ln(1 + number of distinct content words): long claims pack more facts.</summary>
    public required double LogLength { get; init; }

    /// <summary>Content words, names and numbers of the claim not found in the best passages, most telling first.</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>The best passages, best first (empty when there is no evidence).</summary>
    public required IReadOnlyList<Passage> Top { get; init; }

    public int ContentWords { get; init; }

    public double[] ToVector() =>
        [BestCoverage, TopCoverage, AllCoverage, IdfTopCoverage, NameCoverage, NumberCoverage, BigramCoverage, LogLength, AllNumberCoverage];

    private const int MaxTop = 3;

    /// <summary>How much a number found counts when picking the best passages, against a word's rarity weight.</summary>
    private const double NumberGain = 1.0;

    private static readonly Dictionary<string, double> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18,
        ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100, ["thousand"] = 1000,
        ["million"] = 1e6, ["billion"] = 1e9, ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4,
        ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10,
        ["dozen"] = 12, ["once"] = 1, ["twice"] = 2,
    };

    public static SupportFeatures Compute(string claim, IReadOnlyList<Passage> evidence)
    {
        var claimTokens = SupportText.Tokenize(claim);
        var content = claimTokens.Where(t => t.IsContent && !t.IsNumber).ToArray();
        var stems = content.Select(t => t.Stem).Distinct(StringComparer.Ordinal).ToArray();
        var nameStems = content.Where(t => t.IsName).Select(t => t.Stem).Distinct(StringComparer.Ordinal).ToArray();
        var numbers = NumberExtractor.Extract(claim);
        var bigrams = Bigrams(claimTokens.Where(t => t.IsContent).Select(t => t.Stem).ToArray());
        var logLength = Math.Log(1 + stems.Length + numbers.Count);

        var passages = evidence.Select(Analysed.Of).ToArray();
        if (passages.Length == 0 || stems.Length + numbers.Count == 0)
        {
            return new SupportFeatures
            {
                BestCoverage = 0, TopCoverage = 0, AllCoverage = 0, IdfTopCoverage = 0,
                NameCoverage = nameStems.Length == 0 ? 1 : 0,
                NumberCoverage = numbers.Count == 0 ? 1 : 0,
                AllNumberCoverage = numbers.Count == 0 ? 1 : 0,
                BigramCoverage = 0, LogLength = logLength,
                Missing = [.. content.Select(t => t.Surface).Distinct(), .. numbers.Select(n => n.Text)],
                Top = [], ContentWords = stems.Length,
            };
        }

        // Which passage holds which claim word (or a word sharing its root) and which number.
        var holds = passages.Select(p => stems.Select(p.Matches).ToArray()).ToArray();
        var holdsNumber = passages.Select(p => numbers.Select(p.HasNumber).ToArray()).ToArray();

        // Inverse document frequency of each claim word over the evidence passages.
        var weights = new double[stems.Length];
        for (var s = 0; s < stems.Length; s++)
        {
            var df = holds.Count(h => h[s]);
            weights[s] = Math.Log(1 + (passages.Length + 1.0) / (df + 0.5));
        }
        var totalWeight = weights.Sum();

        // Greedy: the passage that covers the most claim weight, then the one that adds most, up to three.
        var top = new List<int>();
        var covered = new bool[stems.Length];
        var numberCovered = new bool[numbers.Count];
        var bestCoverage = 0.0;
        for (var round = 0; round < MaxTop; round++)
        {
            var pick = -1;
            var pickGain = 0.0;
            for (var p = 0; p < passages.Length; p++)
            {
                if (top.Contains(p))
                {
                    continue;
                }
                var gain = 0.0;
                for (var s = 0; s < stems.Length; s++)
                {
                    gain += !covered[s] && holds[p][s] ? weights[s] : 0;
                }
                for (var n = 0; n < numbers.Count; n++)
                {
                    gain += !numberCovered[n] && holdsNumber[p][n] ? NumberGain : 0;
                }
                if (gain > pickGain + 1e-9)
                {
                    pick = p;
                    pickGain = gain;
                }
            }
            if (pick < 0)
            {
                break;
            }
            if (round == 0)
            {
                bestCoverage = stems.Length == 0 ? 1 : holds[pick].Count(h => h) / (double)stems.Length;
            }
            top.Add(pick);
            for (var s = 0; s < stems.Length; s++)
            {
                covered[s] |= holds[pick][s];
            }
            for (var n = 0; n < numbers.Count; n++)
            {
                numberCovered[n] |= holdsNumber[pick][n];
            }
        }
        if (top.Count == 0)
        {
            top.Add(0);
        }

        var anywhere = Enumerable.Range(0, stems.Length).Count(s => holds.Any(h => h[s]));
        var topBigrams = new HashSet<(string, string)>(top.SelectMany(p => passages[p].Bigrams));
        var stemIndex = stems.Select((stem, i) => (stem, i)).ToDictionary(x => x.stem, x => x.i, StringComparer.Ordinal);
        var missing = content
            .Where(t => !covered[stemIndex[t.Stem]])
            .OrderByDescending(t => t.IsName)
            .ThenByDescending(t => weights[stemIndex[t.Stem]])
            .Select(t => t.Surface)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        missing.InsertRange(0, numbers.Where((_, n) => !numberCovered[n]).Select(n => n.Text));

        return new SupportFeatures
        {
            BestCoverage = bestCoverage,
            TopCoverage = stems.Length == 0 ? 1 : covered.Count(c => c) / (double)stems.Length,
            AllCoverage = stems.Length == 0 ? 1 : anywhere / (double)stems.Length,
            IdfTopCoverage = totalWeight == 0 ? 1 : Enumerable.Range(0, stems.Length).Where(s => covered[s]).Sum(s => weights[s]) / totalWeight,
            NameCoverage = nameStems.Length == 0 ? 1 : nameStems.Count(n => covered[stemIndex[n]]) / (double)nameStems.Length,
            NumberCoverage = numbers.Count == 0 ? 1 : numberCovered.Count(c => c) / (double)numbers.Count,
            AllNumberCoverage = numbers.Count == 0 ? 1 : Enumerable.Range(0, numbers.Count).Count(n => holdsNumber.Any(h => h[n])) / (double)numbers.Count,
            BigramCoverage = bigrams.Count == 0 ? 1 : bigrams.Count(topBigrams.Contains) / (double)bigrams.Count,
            LogLength = logLength,
            Missing = missing,
            Top = top.Select(p => passages[p].Passage).ToArray(),
            ContentWords = stems.Length,
        };
    }

    private static HashSet<(string, string)> Bigrams(IReadOnlyList<string> stems)
    {
        var set = new HashSet<(string, string)>();
        for (var i = 0; i + 1 < stems.Count; i++)
        {
            set.Add((stems[i], stems[i + 1]));
        }
        return set;
    }

    private static bool SameNumber(NumberMention claim, double value)
    {
        if (claim.Value == value)
        {
            return true;
        }
        // "3.5" matches "3.47": the evidence value rounded to the claim's precision.
        var scale = Math.Pow(10, claim.Decimals);
        if (Math.Round(value * scale) / scale == claim.Value)
        {
            return true;
        }
        return claim.Approximate && claim.Value != 0 && Math.Abs(value - claim.Value) / Math.Abs(claim.Value) <= 0.05;
    }

    private sealed class Analysed
    {
        /// <summary>A passage is evidence for many claims: its words and numbers are read once (read-only after, so checks on several threads share them).</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Passage, Analysed> Cache = new();
        private readonly double[] _numbers;

        public static Analysed Of(Passage passage) => Cache.GetValue(passage, p => new Analysed(p, SupportText.Tokenize(p.Text)));

        public Analysed(Passage passage, IReadOnlyList<SupportToken> tokens)
        {
            Passage = passage;
            Stems = new HashSet<string>(tokens.Where(t => t.IsContent).Select(t => t.Stem), StringComparer.Ordinal);
            Bigrams = SupportFeatures.Bigrams(tokens.Where(t => t.IsContent).Select(t => t.Stem).ToArray());
            _numbers = NumberExtractor.Extract(passage.Text).Select(n => n.Value)
                .Concat(tokens.Select(t => NumberWords.GetValueOrDefault(t.Surface.ToLowerInvariant(), double.NaN)).Where(v => !double.IsNaN(v)))
                .Concat(tokens.Where(t => t.IsNumber).Select(t => double.TryParse(t.Surface.Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : double.NaN).Where(v => !double.IsNaN(v)))
                .ToArray();
        }

        public Passage Passage { get; }

        public HashSet<string> Stems { get; }

        public HashSet<(string, string)> Bigrams { get; }

        public bool HasNumber(NumberMention n) => _numbers.Any(v => SameNumber(n, v));

        /// <summary>The passage has the stem, or a word sharing its root: at least five letters and most of the shorter one.</summary>
        public bool Matches(string stem) => !stem.Any(char.IsDigit) ? ContextWords.Holds(Stems, stem) : Stems.Contains(stem);
    }
}
