namespace CrossCheck.Claims;

/// <summary>
/// A number as people write it: "12%", "427x", "~100%", "pass@30", "40 expert-hours",
/// "16-person", "1,200", "3-5 days". <see cref="Unit"/> is canonical ("%", "x", "pass@",
/// or the word after the number, singular); <see cref="Approximate"/> marks "~", "about",
/// "nearly", "over" and the like; <see cref="Decimals"/> is the precision written.
/// </summary>
public sealed record NumberMention(string Text, double Value, string Unit, bool Approximate, int Decimals, double? RangeEnd = null, int Start = 0)
{
    public override string ToString() => Text;
}
