using System.Text.Json;
using CrossCheck.Ingest;
using Microsoft.SemanticKernel;

namespace CrossCheck.Panel.Prompts;

/// <summary>
/// Loads the stage prompts from a folder of Semantic Kernel prompt folders (the bundled
/// <c>prompts/</c> or a user's own via <c>--prompts</c>) and renders their system text.
/// Only trusted values (our own words, a schema) are ever rendered through the template
/// engine; essay and source text travel as plain user-message content, never through it.
/// </summary>
public sealed class PromptLibrary
{
    public static readonly string[] Stages = ["Extract", "Draft", "Verify", "Attack", "Reconcile", "Repair"];

    private readonly Dictionary<string, PromptTemplate> _templates;

    private PromptLibrary(string folder, Dictionary<string, PromptTemplate> templates)
    {
        Folder = folder;
        _templates = templates;
    }

    public string Folder { get; }

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "prompts");

    public PromptTemplate this[string stage] => _templates[stage];

    public IEnumerable<PromptTemplate> All => _templates.Values;

    public static PromptLibrary Load(string? folder = null)
    {
        folder ??= DefaultFolder;
        if (!Directory.Exists(folder))
        {
            throw new InputException($"{folder}: prompt folder not found; give --prompts a folder holding {string.Join(", ", Stages)} prompt folders.");
        }
        var templates = new Dictionary<string, PromptTemplate>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in Stages)
        {
            var dir = Path.Combine(folder, stage);
            var text = Path.Combine(dir, "skprompt.txt");
            var config = Path.Combine(dir, "config.json");
            if (!File.Exists(text) || !File.Exists(config))
            {
                throw new InputException($"{dir}: missing skprompt.txt or config.json for the {stage} stage; copy the bundled prompts/{stage} folder and edit it.");
            }
            try
            {
                var json = File.ReadAllText(config);
                var sk = PromptTemplateConfig.FromJson(json);
                using var doc = JsonDocument.Parse(json);
                var version = doc.RootElement.TryGetProperty("version", out var v) ? v.GetString() ?? "0" : "0";
                var settings = sk.DefaultExecutionSettings?.ExtensionData;
                double? temperature = settings is not null && settings.TryGetValue("temperature", out var t) ? Convert.ToDouble(t.ToString(), System.Globalization.CultureInfo.InvariantCulture) : null;
                var maxTokens = settings is not null && settings.TryGetValue("max_tokens", out var m) ? Convert.ToInt32(m.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 1024;
                var schemaPath = Path.Combine(dir, "schema.json");
                var schema = File.Exists(schemaPath) ? File.ReadAllText(schemaPath).Trim() : null;
                templates[stage] = new PromptTemplate(stage, version, File.ReadAllText(text), temperature, maxTokens, schema, dir);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidCastException or KernelException)
            {
                throw new InputException($"{config}: not a valid prompt config ({e.Message.Split('\n')[0]}); compare it with the bundled prompts/{stage}/config.json.", e);
            }
        }
        return new PromptLibrary(folder, templates);
    }

    /// <summary>Renders a template's system text with trusted values through Semantic Kernel's template engine.</summary>
    public static async Task<string> RenderSystemAsync(PromptTemplate template, IReadOnlyDictionary<string, string>? trusted = null)
    {
        if (trusted is null || trusted.Count == 0)
        {
            return template.SystemTemplate;
        }
        var config = new PromptTemplateConfig(template.SystemTemplate) { AllowDangerouslySetContent = true };
        foreach (var key in trusted.Keys)
        {
            config.InputVariables.Add(new InputVariable { Name = key, AllowDangerouslySetContent = true });
        }
        var factory = new KernelPromptTemplateFactory { AllowDangerouslySetContent = true };
        var rendered = await factory.Create(config).RenderAsync(new Kernel(), new KernelArguments(trusted.ToDictionary(p => p.Key, p => (object?)p.Value))).ConfigureAwait(false);
        return rendered;
    }
}
