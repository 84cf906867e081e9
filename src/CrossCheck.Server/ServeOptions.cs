namespace CrossCheck.Server;

/// <summary>
/// How <c>crosscheck serve</c> runs: the <c>CrossCheck:Serve</c> configuration section, with the command line's
/// options over it. No store means the embedded profile (zero setup); a PostgreSQL connection string means the
/// shared profile that several processes can serve from.
/// </summary>
public sealed class ServeOptions
{
    public const string Section = "CrossCheck:Serve";

    /// <summary>Where uploads (inputs/) and run folders (runs/) are kept; shared by every process of a PostgreSQL profile.</summary>
    public string DataRoot { get; set; } = "serve-data";

    /// <summary>A PostgreSQL connection string (<c>Host=…</c>); null or empty for the embedded profile.</summary>
    public string? Store { get; set; }

    /// <summary>Jobs in flight in this process (Hangfire workers): claims being checked, each a job of its own, or runs being planned or finished.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Claims in flight for a run that is checked as one job (one with the extraction stage); null: <see cref="Workers"/>.</summary>
    public int? ClaimsPerRun { get; set; }

    /// <summary>Requests from 127.0.0.1/::1 without a token are let in with <see cref="AnonymousRole"/> (single-user machine).</summary>
    public bool AllowAnonymousLocalhost { get; set; }

    public string AnonymousRole { get; set; } = Access.ApiRoles.Admin;

    /// <summary>API tokens: a name, a role and the token's SHA-256 (hex); the token itself is never stored.</summary>
    public List<ApiTokenEntry> Tokens { get; set; } = [];

    /// <summary>Largest request accepted (every file of a submission together), in MiB.</summary>
    public long MaxUploadMiB { get; set; } = 220;

    /// <summary>PostgreSQL profile: how long a job whose worker went silent stays invisible before another worker takes it.</summary>
    public int InvisibilityTimeoutSeconds { get; set; } = 60;

    /// <summary>PostgreSQL profile: requests per second each provider account allows, shared by every process (0: no shared gate).</summary>
    public Dictionary<string, double> SharedRequestsPerSecond { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>PostgreSQL profile: how many requests a provider's bucket may let through at once after a quiet spell.</summary>
    public double SharedBurst { get; set; } = 1;

    /// <summary>
    /// Whether runs reuse answers from the response cache (the SQLite file in the embedded profile, a table shared by
    /// every process in PostgreSQL) and add theirs to it; null leaves it as CrossCheck's own settings have it (on).
    /// </summary>
    public bool? ResponseCache { get; set; }

    public bool IsPostgres => !string.IsNullOrWhiteSpace(Store);

    public string InputsRoot => Path.Combine(DataRoot, "inputs");

    public string RunsRoot => Path.Combine(DataRoot, "runs");
}
