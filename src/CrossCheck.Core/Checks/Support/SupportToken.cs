namespace CrossCheck.Checks;

/// <summary>
/// A word of a claim or passage as the support judgement sees it: its surface form, its Porter
/// stem, and whether it names something (capitalised inside the sentence) or is a number.
/// </summary>
public sealed record SupportToken(string Surface, string Stem, int Start, bool IsName, bool IsNumber, bool IsContent);
