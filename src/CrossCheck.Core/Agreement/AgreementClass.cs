namespace CrossCheck.Agreement;

/// <summary>
/// How the panel's usable verdicts on one claim relate. Only usable verdicts count (supported,
/// partially_supported, contradicted, not_in_source); not_checkable and failed answers are
/// counted beside the class, never inside it, so a failed call cannot turn a split into a
/// "majority" or hide a disagreement.
/// </summary>
public enum AgreementClass
{
    /// <summary>Two or more usable verdicts, all the same.</summary>
    Unanimous,

    /// <summary>Two or more usable verdicts, one verdict held by strictly more than half of them.</summary>
    Majority,

    /// <summary>Two or more usable verdicts and no verdict held by more than half (ties such as 1–1 or 2–2 included).</summary>
    Split,

    /// <summary>Exactly one usable verdict: nothing to agree with, so neither unanimous nor split.</summary>
    Single,

    /// <summary>No usable verdict at all (every panelist answered not_checkable, failed or nothing).</summary>
    None,
}
