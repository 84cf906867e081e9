namespace CrossCheck.Checks;

public static class VerdictNames
{
    public static readonly IReadOnlyList<Verdict> All = Enum.GetValues<Verdict>();

    public static string Name(this Verdict verdict) => verdict switch
    {
        Verdict.Supported => "supported",
        Verdict.PartiallySupported => "partially_supported",
        Verdict.Contradicted => "contradicted",
        Verdict.NotInSource => "not_in_source",
        Verdict.NotCheckable => "not_checkable",
        Verdict.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    public static bool TryParse(string name, out Verdict verdict)
    {
        foreach (var v in All)
        {
            if (string.Equals(v.Name(), name.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(v.ToString(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                verdict = v;
                return true;
            }
        }
        verdict = default;
        return false;
    }

    /// <summary>How bad a verdict is for the essay, so the worst finding of several checks wins.</summary>
    public static int Severity(this Verdict verdict) => verdict switch
    {
        Verdict.Supported => 0,
        Verdict.PartiallySupported => 1,
        Verdict.NotInSource => 2,
        Verdict.Contradicted => 3,
        _ => -1,
    };
}
