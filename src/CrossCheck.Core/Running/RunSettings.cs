using System.Text.Json;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Provenance;
using CrossCheck.Runs;

namespace CrossCheck.Running;

/// <summary>
/// The settings a run was made with, as the <c>run_start</c> record holds them. Written and read
/// as this one type, so replay rebuilds exactly what the run used (budget included) instead of
/// picking fields out of untyped JSON.
/// </summary>
public sealed record RunSettings(
    int EvidenceTokenBudget,
    IReadOnlyList<string> FailOn,
    IReadOnlyList<RunSettings.PanelistEntry> Panel,
    int Rounds,
    bool Extract,
    IReadOnlyList<RunSettings.PromptEntry>? Prompts,
    decimal? MaxCostUsd,
    string? Cache,
    int? Trials = null,
    string? Aggregation = null,
    string? Since = null)
{
    public sealed record PanelistEntry(string Id, string Provider, string Model, string Family)
    {
        public PanelistSpec ToSpec() => new(Provider, Model, Family);
    }

    public sealed record PromptEntry(string Name, string Version, string Hash, string Folder);

    public static RunSettings From(RunOptions options, IEnumerable<Panel.Prompts.PromptTemplate>? prompts, string? cache) => new(
        options.EvidenceTokenBudget,
        [.. options.FailOn.Select(Checks.VerdictNames.Name)],
        [.. options.Panel.Select(p => new PanelistEntry(p.Id, p.Provider, p.Model, p.Family))],
        options.PanelOptions.Rounds,
        options.PanelOptions.Extract,
        prompts?.Select(t => new PromptEntry(t.Name, t.Version, t.Hash, t.Folder)).ToArray(),
        options.MaxCost,
        cache,
        options.PanelOptions.Trials,
        options.PanelOptions.Aggregation.Name(),
        options.Since);

    public static RunSettings Read(JsonElement element) =>
        element.Deserialize<RunSettings>(ReportJson.Options) ?? throw new JsonException("run_start holds no settings");
}
