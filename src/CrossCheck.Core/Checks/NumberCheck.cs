using CrossCheck.Claims;
using CrossCheck.Evidence;
using CrossCheck.Ingest;

namespace CrossCheck.Checks;

/// <summary>
/// Are the claim's numbers in the evidence context? Units must agree ("427x" = "427×" =
/// "427-fold", "12%" = "12 percent"); a claim's number matches a source number that rounds to
/// it at the precision written ("12%" for 12.3%), and an approximate one ("~100%") within 5%.
/// When a number is missing, a different number of the same unit in the same context is a conflict.
/// </summary>
public static class NumberCheck
{
    public static NumberResult Check(NumberMention number, string claimText, IReadOnlyList<Passage> context)
    {
        var claimWords = ContextWords(claimText, number.Start, number.Text.Length);
        NumberResult? conflict = null;
        var conflictOverlap = 0;
        foreach (var passage in context)
        {
            var text = passage.Text;
            foreach (var candidate in NumberExtractor.Extract(text))
            {
                var location = new SourceLocation(passage.Source, passage.Start + candidate.Start, passage.Start + candidate.Start + candidate.Text.Length);
                if (Matches(number, candidate))
                {
                    return new NumberResult(number.Text, NumberMatch.Found, candidate.Text, location);
                }
                if (!UnitsCompatible(number.Unit, candidate.Unit) || (number.Unit.Length == 0 && candidate.Unit.Length == 0 && !SameMagnitudeClass(number, candidate)))
                {
                    continue;
                }
                var overlap = ContextWords(text, candidate.Start, candidate.Text.Length).Intersect(claimWords).Count();
                var enough = number.Unit.Length > 0 && number.Unit == candidate.Unit ? 1 : 2;
                if (overlap >= enough && overlap > conflictOverlap)
                {
                    conflictOverlap = overlap;
                    conflict = new NumberResult(number.Text, NumberMatch.Conflict, candidate.Text, location);
                }
            }
        }
        return conflict ?? new NumberResult(number.Text, NumberMatch.NotFound, null, null);
    }

    public static bool Matches(NumberMention claim, NumberMention source)
    {
        if (!UnitsCompatible(claim.Unit, source.Unit))
        {
            return false;
        }
        if (claim.RangeEnd is { } claimEnd)
        {
            return source.RangeEnd is { } sourceEnd && ValueMatches(claim, claim.Value, source.Value) && ValueMatches(claim, claimEnd, sourceEnd);
        }
        return ValueMatches(claim, claim.Value, source.Value);
    }

    private static bool ValueMatches(NumberMention claim, double claimValue, double sourceValue)
    {
        if (claim.Approximate)
        {
            return Math.Abs(claimValue - sourceValue) <= Math.Max(0.05 * Math.Abs(claimValue), Math.Pow(10, -claim.Decimals) / 2);
        }
        return Math.Round(sourceValue, claim.Decimals, MidpointRounding.AwayFromZero) == claimValue;
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

    // Years and small counts are different kinds of number: 2023 never conflicts with 12.
    private static bool SameMagnitudeClass(NumberMention a, NumberMention b) => IsYear(a) == IsYear(b);

    private static bool IsYear(NumberMention n) => n.Decimals == 0 && n.Value is >= 1800 and <= 2100;

    private static HashSet<string> ContextWords(string text, int start, int length)
    {
        var before = text[Math.Max(0, start - 80)..start];
        var after = text[Math.Min(text.Length, start + length)..Math.Min(text.Length, start + length + 80)];
        return WordIndex.Tokenize(TextNormalizer.Fold(before + " " + after))
            .Where(w => w.Length > 3 && !char.IsDigit(w[0]))
            .ToHashSet();
    }
}
