using CrossCheck.Ingest;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CrossCheck.Batch;

/// <summary>
/// A batch manifest (<c>crosscheck batch &lt;manifest&gt;</c>), YAML or JSON (JSON is read as YAML): one panel, budget and
/// options for every essay, and the essays with their sources. Paths are relative to the manifest's folder.
/// </summary>
/// <example>
/// panel: anthropic:claude-opus-4-6,openai:gpt-5.2-pro
/// max_cost: 20
/// essays:
///   - id: card
///     essay: card.md
///     sources: [card.pdf]
/// </example>
public sealed class BatchManifest
{
    public string? Panel { get; set; }

    /// <summary>One budget in US dollars for the whole batch: each essay may spend what the ones before it left.</summary>
    public decimal? MaxCost { get; set; }

    public int? Trials { get; set; }

    public string? Aggregate { get; set; }

    public int? Rounds { get; set; }

    public bool NoExtract { get; set; }

    public List<BatchEssay> Essays { get; set; } = [];

    /// <exception cref="InputException">The manifest is missing, unreadable, or names no essay or a missing file.</exception>
    public static BatchManifest Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no such manifest file.");
        }
        BatchManifest manifest;
        try
        {
            manifest = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<BatchManifest?>(File.ReadAllText(path)) ?? new BatchManifest();
        }
        catch (YamlException e)
        {
            throw new InputException($"{path}: line {e.Start.Line}: {(e.InnerException ?? e).Message.Split('\n')[0]} (a manifest has panel, max_cost, trials, aggregate, rounds, no_extract and essays: [{{id, essay, sources}}]).", e);
        }
        if (manifest.Essays.Count == 0)
        {
            throw new InputException($"{path}: the manifest lists no essays (essays: [{{id, essay, sources}}]).");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (e, i) in manifest.Essays.Select((e, i) => (e, i)))
        {
            if (string.IsNullOrWhiteSpace(e.Essay))
            {
                throw new InputException($"{path}: essay {i + 1} names no essay file.");
            }
            e.Essay = Path.GetFullPath(e.Essay, folder);
            e.Sources = [.. e.Sources.Select(s => Path.GetFullPath(s, folder))];
            e.Id = string.IsNullOrWhiteSpace(e.Id) ? Path.GetFileNameWithoutExtension(e.Essay) : e.Id;
            if (e.Id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || e.Id.StartsWith('.') || !ids.Add(e.Id))
            {
                throw new InputException($"{path}: essay id '{e.Id}' is not a plain folder name or is used twice.");
            }
            foreach (var file in e.Sources.Prepend(e.Essay).Where(f => !File.Exists(f)))
            {
                throw new InputException($"{path}: essay '{e.Id}' names {file}, which does not exist.");
            }
        }
        return manifest;
    }
}
