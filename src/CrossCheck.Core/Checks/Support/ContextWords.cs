using System.Runtime.CompilerServices;
using CrossCheck.Claims;

namespace CrossCheck.Checks;

/// <summary>
/// The words of a claim other than one of its numbers, to tell whether a source sentence or
/// table cell speaks about what the claim says. Across languages (a German claim about an
/// English source) only the claim's words that the evidence uses at all, and its acronyms, can
/// be looked for.
/// </summary>
internal sealed class ContextWords
{
    private const int MinSharedRoot = 5;

    /// <summary>Words that say who says it, not what is said: the source need not repeat them.</summary>
    private static readonly HashSet<string> Attribution = new(StringComparer.OrdinalIgnoreCase)
    {
        "according", "paper", "papers", "report", "reports", "reported", "authors", "author", "study", "document", "guide",
        "says", "said", "notes", "noted", "writes", "wrote", "states", "stated", "adds", "added", "claims", "argues", "cite",
        "cites", "explains", "describes", "mentions", "essay", "laut", "bericht", "autoren", "leitfaden", "heißt", "schreiben",
        "selon", "rapport", "auteurs", "indique", "affirme", "écrivent", "explique",
    };

    private readonly TextLanguage _language;
    private readonly string[] _stems;
    private readonly HashSet<string> _acronyms;
    private readonly HashSet<string> _names;
    private readonly HashSet<string> _near;

    public ContextWords(string claimText, NumberMention number)
    {
        _language = TextLanguages.DetectProse(claimText);
        var tokens = SupportText.Tokenize(claimText);
        var numberEnd = number.Start + number.Text.Length;
        var other = tokens.Where(t => t.IsContent && !t.IsNumber && (t.Start < number.Start || t.Start >= numberEnd) && !Attribution.Contains(t.Surface)).ToArray();
        _stems = other.Select(t => t.Stem).Distinct(StringComparer.Ordinal).ToArray();
        _acronyms = other.Where(t => IsAcronym(t)).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        _names = other.Where(t => t.IsName).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        _near = tokens.Where(t => t.IsContent && !t.IsNumber && t.Start >= number.Start - 40 && t.Start <= numberEnd + 40)
            .Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        if (number.Unit.Length > 1 && number.Unit.All(char.IsLetter))
        {
            _near.Add(number.Unit);
        }
        All = _stems.ToHashSet(StringComparer.Ordinal);
    }

    public HashSet<string> All { get; }

    /// <summary>An acronym or a word with capitals inside ("CAVP", "OpenAI"): written alike in every language.</summary>
    public static bool IsAcronym(SupportToken token) => !token.IsNumber && token.Surface.Length > 1 && token.Surface.Skip(1).Any(char.IsUpper);

    /// <summary>The words some text writes with a capital (its names, and words that open a sentence).</summary>
    public static IEnumerable<string> Names(string text) => SupportText.Tokenize(text).Where(t => !t.IsNumber && char.IsUpper(t.Surface[0])).Select(t => t.Stem);

    public static IEnumerable<string> Stems(string text) =>
        SupportText.Tokenize(text).Where(t => t.IsContent && !t.IsNumber).Select(t => t.Stem);

    private static readonly ConditionalWeakTable<string, HashSet<string>> StemSets = new();
    private static readonly ConditionalWeakTable<string, HashSet<string>> NameSets = new();
    private static readonly ConditionalWeakTable<NumberInContext, HashSet<string>> NearSets = new();

    /// <summary>
    /// <see cref="Stems"/> as a set, computed once per text instance: a passage, and the sentences and cells
    /// <see cref="NumberContexts"/> keeps for it, are evidence for many claims. Read-only once made (checks share it across threads).
    /// </summary>
    public static HashSet<string> StemSet(string text) => StemSets.GetValue(text, t => Stems(t).ToHashSet(StringComparer.Ordinal));

    /// <summary><see cref="Names"/> as a set, computed once per text instance.</summary>
    public static HashSet<string> NameSet(string text) => NameSets.GetValue(text, t => Names(t).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// The claim words to look for in a passage: all of them in the claim's own language; across
    /// languages only its acronyms that the evidence uses ("CAVP") and its capitalised words that
    /// are names in the evidence too ("Wikipedia"; not a German noun such as "Mails"), since
    /// other words match only by accident.
    /// </summary>
    public IReadOnlyList<string> Considered(string passageText, Lazy<HashSet<string>> vocabulary, Lazy<HashSet<string>> names) =>
        TextLanguages.Detect(passageText) == _language ? _stems
            : _stems.Where(s => (_acronyms.Contains(s) && vocabulary.Value.Contains(s)) || (_names.Contains(s) && names.Value.Contains(s))).ToArray();

    /// <summary>Share of the considered claim words found in the context; with none to look for, just enough to count as found.</summary>
    public static double Support(IReadOnlyList<string> considered, string context)
    {
        if (considered.Count == 0)
        {
            return NumberCheck.ContextSupport;
        }
        var stems = StemSet(context);
        return considered.Count(s => Holds(stems, s)) / (double)considered.Count;
    }


    /// <summary>How far the claim names the cell's row (share of the row label's words) and column (one header word is enough).</summary>
    public double CellSupport(NumberInContext cell)
    {
        var row = StemSet(cell.RowLabel ?? "");
        var column = StemSet(cell.ColumnHeader ?? "");
        var rowShare = row.Count == 0 ? 0 : row.Count(s => Holds(All, s)) / (double)row.Count;
        var columnNamed = column.Count == 0 || column.Any(s => Holds(All, s));
        return columnNamed ? rowShare : Math.Min(rowShare, NumberCheck.ContextSupport / 2);
    }

    /// <summary>How many words right next to both numbers they share (0: the numbers count different things).</summary>
    public int SameThing(NumberMention claimNumber, NumberInContext candidate)
    {
        var near = NearSets.GetValue(candidate, c =>
        {
            var at = c.Number.Start - c.ContextStart;
            var from = Math.Clamp(at - 60, 0, c.Context.Length);
            var to = Math.Clamp(at + c.Number.Text.Length + 60, 0, c.Context.Length);
            return Stems(c.Context[from..to]).ToHashSet(StringComparer.Ordinal);
        });
        var sameUnit = claimNumber.Unit.Length > 1 && claimNumber.Unit == candidate.Number.Unit && claimNumber.Unit.All(char.IsLetter) ? 1 : 0;
        return sameUnit + _near.Count(s => Holds(near, s));
    }

    /// <summary>The set has the stem, or a word sharing its root: at least five letters and most of the shorter one.</summary>
    public static bool Holds(HashSet<string> stems, string stem)
    {
        if (stems.Contains(stem))
        {
            return true;
        }
        if (stem.Length < MinSharedRoot)
        {
            return false;
        }
        foreach (var other in stems)
        {
            if (other.Length < MinSharedRoot || other[0] != stem[0])
            {
                continue;
            }
            var shared = 0;
            var limit = Math.Min(other.Length, stem.Length);
            while (shared < limit && other[shared] == stem[shared])
            {
                shared++;
            }
            if (shared >= MinSharedRoot && shared >= 0.75 * limit)
            {
                return true;
            }
        }
        return false;
    }
}
