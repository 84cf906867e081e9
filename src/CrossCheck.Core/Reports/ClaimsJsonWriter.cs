using System.Text.Json;
using CrossCheck.Provenance;

namespace CrossCheck.Reports;

/// <summary>Writes <c>claims.json</c>: every claim with its occurrences, each check's results and the evidence.</summary>
public static class ClaimsJsonWriter
{
    public const string Format = "crosscheck.claims/1";

    public static void Write(string path, string runId, IReadOnlyList<ClaimRecord> claims)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, new { format = Format, run_id = runId, claims }, ReportJson.Indented);
    }
}
