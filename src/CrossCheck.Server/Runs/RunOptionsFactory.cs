using CrossCheck.Hosting;
using CrossCheck.Ingest;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using CrossCheck.Runs;

namespace CrossCheck.Server.Runs;

/// <summary>The <see cref="RunOptions"/> of a submitted run: its stored inputs, the configuration, and the submission's own options.</summary>
public sealed class RunOptionsFactory(ServeOptions serve, CrossCheckOptions config, ProviderRegistry registry)
{
    public string InputsFolder(string runId) => Path.Combine(serve.InputsRoot, runId);

    public IngestLimits Limits
    {
        get
        {
            var limits = new IngestLimits();
            if (config.MaxEssayMiB is { } essay)
            {
                limits = limits with { MaxEssayBytes = essay * IngestLimits.MiB };
            }
            if (config.MaxSourceMiB is { } source)
            {
                limits = limits with { MaxSourceBytes = source * IngestLimits.MiB };
            }
            return limits;
        }
    }

    /// <summary>Throws <see cref="InputException"/> or <see cref="ProviderConfigurationException"/> for a panel the server cannot run.</summary>
    public RunOptions Build(string runId, string owner, RunSubmission submission)
    {
        var inputs = InputsFolder(runId);
        var panelText = submission.Panel ?? config.Panel;
        var panel = string.IsNullOrWhiteSpace(panelText) ? [] : PanelParser.Parse(panelText, registry);
        registry.Validate(panel);
        return new RunOptions
        {
            EssayPath = Path.Combine(inputs, submission.Essay),
            SourcePaths = [.. submission.Sources.Select(s => Path.Combine(inputs, s))],
            OutputRoot = serve.RunsRoot,
            RunId = runId,
            EvidenceTokenBudget = submission.Budget ?? config.EvidenceTokenBudget,
            Limits = Limits,
            Panel = panel,
            PanelOptions = new PanelOptions
            {
                Rounds = submission.Rounds ?? config.Rounds,
                Extract = submission.Extract && config.Extract,
                MaxParallelClaims = Math.Max(1, serve.ClaimsPerRun ?? serve.Workers),
            },
            PromptsFolder = config.Prompts,
            MaxCost = submission.MaxCost ?? config.MaxCost,
            AutoResume = true,
            CommandLine = $"crosscheck serve (run {runId} submitted by {owner})",
        };
    }
}
