using System.Text.RegularExpressions;

namespace CrossCheck.Claims;

/// <summary>
/// Decides whether a sentence states something a source could confirm or refute, or is opinion,
/// interpretation, advice or a question. A sentence with a quote, a number or a section
/// reference is always checkable: those parts can be checked whatever the tone.
/// </summary>
/// <remarks>
/// Measured on Factcheck-Bench's sentence check-worthiness set (see docs/benchmarks.md). Words
/// that are often descriptive ("important differences", "one of the best restaurants", "markings
/// that need to be highlighted") count as opinion only when they carry the sentence's judgement
/// ("is important", "is the best", "we need to"); hedging modals (may, could, would) are left
/// out because most sentences with them were judged check-worthy.
/// </remarks>
public static partial class CheckWorthiness
{
    [GeneratedRegex(@"\b(I|we) (think|believe|feel|suspect|expect|hope|argue|would argue|wonder|suggest|recommend)\b|\bin my (view|opinion|experience)\b|\bto me\b|\bmy (sense|take|guess)\b|\b(arguably|perhaps|presumably|hopefully|frankly|honestly|undoubtedly)\b|\b(should|ought to|must)\b|\b(we|you|one) (really )?needs? to\b|\b(seems?|appears?) to\b|\b(impressive|remarkable|worrying|troubling|alarming|admirable|disappointing|elegant|exciting|fascinating|concerning|reassuring|encouraging|welcome|commendable|laudable|regrettable|unfortunate|striking|interesting|beautiful|terrible|excellent|brilliant)\b|\b(is|are|was|were|be) (very |so |particularly |especially |most |really |extremely )?(important|crucial|essential|vital)\b|\b(is|are|was|were|be) (by far )?(the|our|their|its) (very )?(best|worst)\b|\bI\b|\bmy\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpinionMarkers();

    /// <summary>A sentence that opens with a bare verb is an instruction ("Compare the quotes...").</summary>
    [GeneratedRegex(@"^\W*(Research|Shortlist|Determine|Compare|Look|Consider|Check|Find|Choose|Avoid|Evaluate|Remember|Keep|Ensure|Try|Ask|Visit|Contact|Follow|Make sure|Don't|Do not|Please)\b")]
    private static partial Regex Imperative();

    /// <summary>Assistant filler that introduces an answer rather than stating anything.</summary>
    [GeneratedRegex(@"^\W*(Sure|Certainly|Of course|Here (is|are)|As an AI)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Filler();

    /// <summary>German and French markers of opinion, hope and advice.</summary>
    [GeneratedRegex(@"\b(ich (denke|glaube|finde|meine|vermute)|meiner (Meinung|Ansicht) nach|wir (sollten|müssen)|man (sollte|muss)|je (pense|crois|trouve|suppose)|à mon avis|selon moi|il faut|nous devons|on devrait|hoffentlich|leider|zweifellos|malheureusement|heureusement|sans doute)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OtherLanguageOpinion();

    /// <summary>"follow these steps:1." — an introduction glued to the number of the first list item.</summary>
    [GeneratedRegex(@":\s*\d{1,2}[.)]$")]
    private static partial Regex IntroGluedToListItem();

    public static (bool Checkable, string Reason) Judge(string sentence, bool hasQuote, bool hasNumber, bool hasSectionReference)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (NonClaims.Why(sentence) is { } notAClaim)
        {
            return (false, notAClaim);
        }
        if (NonClaims.Rhetoric(sentence, hasCheckableParts: true) is { } stock)
        {
            return (false, stock);
        }
        if (hasQuote || hasNumber || hasSectionReference)
        {
            return (true, hasQuote ? "quotes the source" : hasNumber ? "states a number" : "cites a section");
        }
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words < 4)
        {
            return (false, "too short to state a checkable fact");
        }
        var trimmed = sentence.TrimEnd();
        if (trimmed.EndsWith('?'))
        {
            return (false, "a question");
        }
        if (trimmed.EndsWith(':') || IntroGluedToListItem().IsMatch(trimmed))
        {
            return (false, "introduces what follows");
        }
        if (Imperative().IsMatch(sentence))
        {
            return (false, "an instruction");
        }
        if (Filler().IsMatch(sentence))
        {
            return (false, "introduces an answer");
        }
        if (NonClaims.Rhetoric(sentence) is { } rhetoric)
        {
            return (false, rhetoric);
        }
        var marker = OpinionMarkers().Match(sentence);
        if (!marker.Success)
        {
            marker = OtherLanguageOpinion().Match(sentence);
        }
        if (marker.Success)
        {
            return (false, $"opinion or interpretation (\"{marker.Value}\")");
        }
        return (true, "a factual statement");
    }
}
