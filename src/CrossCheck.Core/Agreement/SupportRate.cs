namespace CrossCheck.Agreement;

/// <summary>How often verdicts were "supported": <see cref="Supported"/> of <see cref="Verdicts"/> usable verdicts.</summary>
public sealed record SupportRate(int Supported, int Verdicts)
{
    /// <summary>Supported / Verdicts, or null when there is no verdict.</summary>
    public double? Rate => Verdicts == 0 ? null : (double)Supported / Verdicts;
}
