using System.Text.RegularExpressions;

namespace CrossCheck.Claims;

/// <summary>
/// Decides whether a sentence states something a source could confirm or refute, or is opinion,
/// interpretation, advice or a question. A sentence with a quote, a number or a section
/// reference is always checkable: those parts can be checked whatever the tone.
/// </summary>
public static partial class CheckWorthiness
{
    [GeneratedRegex(@"\b(I|we) (think|believe|feel|suspect|expect|hope|argue|would argue|wonder|suggest|recommend)\b|\bin my (view|opinion|experience)\b|\bto me\b|\bmy (sense|take|guess)\b|\b(arguably|perhaps|presumably|hopefully|frankly|honestly|undoubtedly)\b|\b(should|ought to|must|needs? to)\b|\b(seems?|appears?) to\b|\b(impressive|remarkable|worrying|troubling|alarming|admirable|disappointing|elegant|exciting|fascinating|concerning|reassuring|encouraging|welcome|commendable|laudable|regrettable|unfortunate|striking|important|interesting|beautiful|terrible|excellent|brilliant)\b|\b(best|worst)\b|\bI\b|\bmy\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpinionMarkers();

    public static (bool Checkable, string Reason) Judge(string sentence, bool hasQuote, bool hasNumber, bool hasSectionReference)
    {
        if (hasQuote || hasNumber || hasSectionReference)
        {
            return (true, hasQuote ? "quotes the source" : hasNumber ? "states a number" : "cites a section");
        }
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words < 4)
        {
            return (false, "too short to state a checkable fact");
        }
        if (sentence.TrimEnd().EndsWith('?'))
        {
            return (false, "a question");
        }
        var marker = OpinionMarkers().Match(sentence);
        if (marker.Success)
        {
            return (false, $"opinion or interpretation (\"{marker.Value}\")");
        }
        return (true, "a factual statement");
    }
}
