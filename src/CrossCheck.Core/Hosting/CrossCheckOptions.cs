namespace CrossCheck.Hosting;

/// <summary>
/// The <c>CrossCheck</c> configuration section, typed and validated at start
/// (<see cref="CrossCheckOptionsSetup"/> parses it strictly, <see cref="CrossCheckOptionsValidator"/> reports what did not parse).
/// Command-line options win over these values.
/// </summary>
public sealed class CrossCheckOptions
{
    public const string Section = "CrossCheck";

    /// <summary>The panel in rotation order, <c>provider:model,...</c>; empty for the offline checker only.</summary>
    public string? Panel { get; set; }

    /// <summary>Verdicts that make <c>check</c> exit 1, comma-separated.</summary>
    public string? FailOn { get; set; }

    public int EvidenceTokenBudget { get; set; } = 2000;

    public int Rounds { get; set; } = 1;

    public bool Extract { get; set; } = true;

    /// <summary>Before a run's first paid call, check each panelist's model with a one-token request (a mistyped model or a rejected key stops the run, exit 2).</summary>
    public bool Preflight { get; set; } = true;

    /// <summary>US dollars; null for no budget.</summary>
    public decimal? MaxCost { get; set; }

    public string OutputRoot { get; set; } = "runs";

    public string? Prompts { get; set; }

    /// <summary>The response cache file; null for the per-user default.</summary>
    public string? CachePath { get; set; }

    /// <summary>Set by <c>--no-cache</c>: neither read nor write the response cache.</summary>
    public bool NoCache { get; set; }

    public long? MaxEssayMiB { get; set; }

    public long? MaxSourceMiB { get; set; }

    /// <summary>CrossCheck:Limits:MaxClaims, the most claims one run checks (see IngestLimits.MaxClaims).</summary>
    public int? MaxClaims { get; set; }

    /// <summary>What did not parse, one entry per setting (filled by <see cref="CrossCheckOptionsSetup"/>).</summary>
    internal List<string> Problems { get; } = [];
}
