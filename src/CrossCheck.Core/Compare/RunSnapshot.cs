using System.Text.Json;
using CrossCheck.Ingest;

namespace CrossCheck.Compare;

/// <summary>What <c>compare</c> and <c>batch</c> read back from a finished run folder's matrix.json: claims with every verdict, agreement and cost.</summary>
public sealed record RunSnapshot(
    string RunId,
    string Folder,
    IReadOnlyList<string> Panelists,
    IReadOnlyList<RunSnapshot.ClaimRow> Claims,
    double? Fleiss,
    double? AlphaNominal,
    double? AlphaOrdinal,
    decimal? CostUsd,
    int? Calls)
{
    public sealed record ClaimRow(string Id, string Text, bool Checkable, string FinalVerdict, IReadOnlyDictionary<string, string> Verdicts);

    /// <exception cref="InputException">The folder holds no readable matrix.json.</exception>
    public static RunSnapshot Load(string folder)
    {
        var path = Path.Combine(folder, "matrix.json");
        if (!File.Exists(path))
        {
            throw new InputException($"{folder}: no matrix.json here; give a finished run folder (runs/<id>).");
        }
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not valid JSON ({e.Message.Split('\n')[0]}).", e);
        }
        var panelists = root.GetProperty("panelists").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToArray();
        var claims = root.GetProperty("claims").EnumerateArray().Select(c => new ClaimRow(
            c.GetProperty("claim_id").GetString()!,
            c.GetProperty("text").GetString()!,
            c.GetProperty("checkable").GetBoolean(),
            c.GetProperty("final_verdict").GetString()!,
            c.GetProperty("verdicts").EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetString()!))).ToArray();
        var summary = root.GetProperty("summary");
        var agreement = summary.TryGetProperty("panel", out var panel) && panel.TryGetProperty("agreement", out var a) ? a : (JsonElement?)null;
        var cost = summary.TryGetProperty("cost", out var c) ? c : (JsonElement?)null;
        return new RunSnapshot(
            root.GetProperty("run_id").GetString()!,
            folder,
            panelists,
            claims,
            Number(agreement, "fleiss", "kappa"),
            Number(agreement, "alpha_nominal", "alpha"),
            Number(agreement, "alpha_ordinal", "alpha"),
            cost is { } k && k.TryGetProperty("cost_usd", out var usd) ? usd.GetDecimal() : null,
            cost is { } m && m.TryGetProperty("calls", out var calls) ? calls.GetInt32() : null);
    }

    private static double? Number(JsonElement? parent, string figure, string value) =>
        parent is { } p && p.TryGetProperty(figure, out var f) && f.TryGetProperty(value, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
