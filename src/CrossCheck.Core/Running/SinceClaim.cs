namespace CrossCheck.Running;

/// <summary>A claim of the run named by <c>--since</c>: its id there, text, final verdict, and whether its panel judged it.</summary>
public sealed record SinceClaim(string Id, string Text, bool Checkable, string FinalVerdict, bool Judged);
