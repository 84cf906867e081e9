using CrossCheck.Claims;
using CrossCheck.Evidence;

namespace CrossCheck.Checks;

/// <summary>
/// Is the claim's number in the evidence, said about what the claim says? A source number
/// counts as found only where the rest of the claim is supported: in the same sentence, or for
/// a table cell, where the claim names the cell's row and column. Numbers compare by kind
/// (percent, multiplier, count, money, date), unit ("427x" = "427×" = "427-fold") and the
/// precision written ("12%" for 12.3%, "about 5.6k" for 5,576). A conflict needs a different
/// number of the same kind and unit about the same thing: a supported context, and the same
/// words next to both numbers; among several, the best supported, then the nearest in value
/// (a changed number is usually a near one); across languages, where the words around a
/// number cannot be compared, only a number within a factor of two. Ranges never conflict with
/// single numbers.
/// </summary>
public static class NumberCheck
{
    /// <summary>Share of the claim's other words that its context must hold for a number there to speak to the claim.</summary>
    public const double ContextSupport = 0.5;

    /// <summary>A conflict asks for more: a wrong number is only wrong about the same thing.</summary>
    public const double ConflictSupport = 0.6;

    /// <summary>A sentence supported only together with the one before it counts a little less.</summary>
    private const double WiderPenalty = 0.05;

    /// <summary>A cell whose row and column the claim names is as precise an address as a number can have.</summary>
    private const double CellBonus = 0.05;

    public static NumberResult Check(NumberMention number, string claimText, IReadOnlyList<Passage> context)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(context);
        var claim = new ContextWords(claimText, number);
        // The evidence's words and names matter only across languages: gathered when a passage first needs them.
        var vocabulary = new Lazy<HashSet<string>>(() => context.SelectMany(p => ContextWords.StemSet(p.Text)).ToHashSet(StringComparer.Ordinal), LazyThreadSafetyMode.None);
        var names = new Lazy<HashSet<string>>(() => context.SelectMany(p => ContextWords.NameSet(p.Text)).ToHashSet(StringComparer.Ordinal), LazyThreadSafetyMode.None);
        (double Score, NumberResult Result)? found = null, conflict = null, elsewhere = null;
        var claimLanguage = TextLanguages.DetectProse(claimText);
        foreach (var passage in context)
        {
            var considered = claim.Considered(passage.Text, vocabulary, names);
            // Across languages a word unit is a translation ("180 Tage" for "180 days"): only symbols compare.
            var across = TextLanguages.Detect(passage.Text) != claimLanguage;
            var asked = across && number.Unit.All(char.IsLetter) && number.Unit.Length > 1 ? number with { Unit = "" } : number;
            foreach (var candidate in NumberContexts.Of(passage.Text))
            {
                var source = candidate.Number;
                var location = new SourceLocation(passage.Source, passage.Start + source.Start, passage.Start + source.Start + source.Text.Length);
                var support = candidate.InTable ? claim.CellSupport(candidate)
                    : Math.Max(ContextWords.Support(considered, candidate.Context), ContextWords.Support(considered, candidate.Wider) - WiderPenalty);
                var matches = Matches(asked, source);
                if (matches && support >= ContextSupport)
                {
                    Keep(ref found, support, new NumberResult(number.Text, NumberMatch.Found, source.Text, location, Excerpt(candidate), candidate.Cell));
                }
                else if (matches)
                {
                    Keep(ref elsewhere, support, new NumberResult(number.Text, NumberMatch.NotFound, source.Text, location, Excerpt(candidate), candidate.Cell));
                }
                else if (support >= (candidate.InTable ? ContextSupport : ConflictSupport) && SameKind(asked, source) && !Close(number, source)
                    && (candidate.InTable || claim.SameThing(number, candidate) > 0)
                    && (!across || CrossLanguageEvidence.Similar(number.Value, source.Value)))
                {
                    var closeness = 1 - Math.Min(1, Math.Abs(number.Value - source.Value) / Math.Max(Math.Abs(number.Value), Math.Abs(source.Value)));
                    var address = candidate.InTable ? CellBonus : 0.01 * claim.SameThing(number, candidate);
                    Keep(ref conflict, support + address + 0.1 * closeness, new NumberResult(number.Text, NumberMatch.Conflict, source.Text, location, Excerpt(candidate), candidate.Cell));
                }
            }
        }
        return found?.Result ?? conflict?.Result ?? elsewhere?.Result ?? new NumberResult(number.Text, NumberMatch.NotFound, null, null);
    }

    private static void Keep(ref (double Score, NumberResult Result)? best, double score, NumberResult result)
    {
        if (best is null || score > best.Value.Score)
        {
            best = (score, result);
        }
    }

    public static bool Matches(NumberMention claim, NumberMention source)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(source);
        if (!KindsCompatible(claim, source) || !UnitsCompatible(claim.Unit, source.Unit))
        {
            return false;
        }
        if (claim.RangeEnd is { } claimEnd)
        {
            return source.RangeEnd is { } sourceEnd && ValueMatches(claim, source, claim.Value, source.Value) && ValueMatches(claim, source, claimEnd, sourceEnd);
        }
        return ValueMatches(claim, source, claim.Value, source.Value)
            || (source.RangeEnd is { } end && ValueMatches(claim, source, claim.Value, end));
    }

    private static bool ValueMatches(NumberMention claim, NumberMention source, double claimValue, double sourceValue)
    {
        var difference = Math.Abs(claimValue - sourceValue);
        var tolerance = claim.Resolution / 2 * (1 + 1e-9);
        if (claim.Approximate)
        {
            tolerance = Math.Max(tolerance, 0.05 * Math.Abs(claimValue));
        }
        if (source.Approximate)
        {
            tolerance = Math.Max(tolerance, source.Resolution / 2 * (1 + 1e-9));
        }
        return difference <= tolerance;
    }

    /// <summary>Near enough that neither rounding nor "about" makes them different numbers.</summary>
    private static bool Close(NumberMention claim, NumberMention source)
    {
        var tolerance = Math.Max(claim.Resolution, source.Resolution) / 2 * (1 + 1e-9);
        return Math.Abs(claim.Value - source.Value) <= tolerance
            && Math.Abs((claim.RangeEnd ?? claim.Value) - (source.RangeEnd ?? source.Value)) <= tolerance;
    }

    /// <summary>A claim number with no unit is less specific and may be any kind but a date; dates match only dates.</summary>
    private static bool KindsCompatible(NumberMention claim, NumberMention source) =>
        claim.Kind == source.Kind
        || (claim.Kind == NumberKind.Count && claim.Unit.Length == 0 && source.Kind != NumberKind.Date);

    /// <summary>Same kind, same unit, both whole or both a part ("0 of 16"), both single or both ranges, years against years.</summary>
    private static bool SameKind(NumberMention claim, NumberMention source)
    {
        if (claim.Kind != source.Kind || claim.IsPart != source.IsPart || (claim.RangeEnd is null) != (source.RangeEnd is null))
        {
            return false;
        }
        if (claim.Kind == NumberKind.Date && (claim.Value >= 1000) != (source.Value >= 1000))
        {
            return false;
        }
        return UnitsCompatible(claim.Unit, source.Unit) || UnitsCompatible(source.Unit, claim.Unit);
    }

    /// <summary>
    /// The claim's unit against the source's. A claim that gives no unit is less specific and matches
    /// any. A symbol unit ("%", "x", "pass@", a currency) must be there in the source too: "430%" is
    /// not "trial 430". A word after a number is only a weak unit ("12 models" may be written
    /// "12 of the models"), so it accepts a bare number, or a word that is the same with a
    /// qualifier ("expert-hour" and "hour").
    /// </summary>
    private static bool UnitsCompatible(string claim, string source)
    {
        if (claim == source || claim.Length == 0)
        {
            return true;
        }
        if (IsSymbol(claim) || IsSymbol(source))
        {
            return false;
        }
        return source.Length == 0
            || claim.StartsWith(source, StringComparison.Ordinal) || source.StartsWith(claim, StringComparison.Ordinal)
            || claim.EndsWith("-" + source, StringComparison.Ordinal) || source.EndsWith("-" + claim, StringComparison.Ordinal);
    }

    private static bool IsSymbol(string unit) => unit is "%" or "x" or "pass@" or "$" or "\u20AC" or "\u00A3";

    /// <summary>The source's words around its number, at most about 200 characters, for the reason.</summary>
    private static string Excerpt(NumberInContext candidate)
    {
        var text = candidate.Context.ReplaceLineEndings(" ");
        if (text.Length <= 200)
        {
            return text;
        }
        var at = Math.Clamp(candidate.Number.Start - candidate.ContextStart, 0, text.Length);
        var from = Math.Max(0, at - 100);
        var to = Math.Min(text.Length, at + 100);
        return (from > 0 ? "…" : "") + text[from..to].Trim() + (to < text.Length ? "…" : "");
    }
}
