namespace CrossCheck.Claims;

/// <summary>
/// A number as people write it: "12%", "427x", "~100%", "pass@30", "40 expert-hours",
/// "16-person", "1,200", "3-5 days", "71,4 %", "about 5.6k". <see cref="Unit"/> is canonical
/// ("%", "x", "pass@", a currency symbol, or the word after the number, singular);
/// <see cref="Approximate"/> marks "~", "about", "nearly", "over", "etwa", "environ" and the
/// like; <see cref="Decimals"/> is the precision written; <see cref="Value"/> includes any
/// scale written ("5.6k" is 5600).
/// </summary>
public sealed record NumberMention(string Text, double Value, string Unit, bool Approximate, int Decimals, double? RangeEnd = null, int Start = 0)
{
    public NumberKind Kind { get; init; } = NumberKind.Count;

    /// <summary>The step of the last digit written, in the number's own scale: 0.1 for "71.4", 100 for "5.6k".</summary>
    public double Resolution { get; init; } = Math.Pow(10, -Decimals);

    /// <summary>The part of an "N of M" ("0 of 16 participants"): it counts a subset, not the whole.</summary>
    public bool IsPart { get; init; }

    public override string ToString() => Text;
}
