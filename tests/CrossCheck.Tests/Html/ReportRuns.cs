using CrossCheck.Panel.Providers;
using CrossCheck.Reports;
using CrossCheck.Reports.Html;
using CrossCheck.Running;
using CrossCheck.Runs;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Html;

/// <summary>Real runs (the runner in-process) whose report.html the tests open.</summary>
public static class ReportRuns
{
    public const string FourPanel = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1";

    /// <summary>An essay whose text holds both payloads, next to sentences the source supports.</summary>
    public static readonly string HostileEssay =
        "# Hostile essay\n\nThe model solved 31% of the professional challenges. " +
        $"The card's appendix is titled {HostileScript.ImgPayload} in the draft.\n\n" +
        $"Reviewers pasted {HostileScript.ScriptPayload} into the form.\n";

    public const string HostileSource = "# 3.1 Cyber\n\nThe model solved 31% of the professional challenges in the capture-the-flag suite.\n";

    private static readonly Lazy<TempFolder> SharedFolder = new(() =>
    {
        var folder = new TempFolder();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        return folder;
    });

    private static readonly Lazy<Task<RunResult>> SharedSample = new(() => SampleAsync(SharedFolder.Value));

    private static readonly Lazy<Task<RunResult>> SharedHostilePanel = new(() => HostilePanelAsync(SharedFolder.Value));

    /// <summary>
    /// The sample run (<see cref="SampleAsync"/>), made once for the whole test run, for tests that only read its
    /// folder; a test that writes into a run folder makes its own.
    /// </summary>
    public static Task<RunResult> SharedSampleAsync() => SharedSample.Value;

    /// <summary>The hostile panel run (<see cref="HostilePanelAsync"/>), made once for the whole test run, for tests that only read it.</summary>
    public static Task<RunResult> SharedHostilePanelAsync() => SharedHostilePanel.Value;

    /// <summary>The bundled sample, grounding checker only.</summary>
    public static async Task<RunResult> SampleAsync(TempFolder temp)
    {
        var (essay, source) = SampleGenerator.Write(temp.File("sample"));
        var options = new RunOptions { EssayPath = essay, SourcePaths = [source], OutputRoot = temp.File("runs"), RunId = "sample-html" };
        var run = await new CheckRunner(TimeProvider.System, new Random(7)).RunAsync(options, null, CancellationToken.None);
        EnsureReport(run);
        return run;
    }

    /// <summary>A four-provider panel against the emulator, with hostile markup in the essay and in the scripted answers.</summary>
    public static async Task<RunResult> HostilePanelAsync(TempFolder temp)
    {
        var script = new HostileScript(new PanelScript());
        await using var emulator = new ProviderEmulator(script.Answer);
        var registry = ProviderRegistry.Create(null, emulator.Environment(FakeKeys.Sk("emulated-test-key-0003")));
        var factory = new ModelClientFactory(registry, TimeProvider.System);
        var options = new RunOptions
        {
            EssayPath = temp.Write("hostile.md", HostileEssay),
            SourcePaths = [temp.Write("source.md", HostileSource)],
            OutputRoot = temp.File("runs"),
            RunId = "hostile-html",
            Panel = PanelParser.Parse(FourPanel, registry),
            PromptsFolder = Path.Combine(AppContext.BaseDirectory, "prompts"),
        };
        var run = await new CheckRunner(TimeProvider.System, new Random(7), factory.Create).RunAsync(options, null, CancellationToken.None);
        EnsureReport(run);
        return run;
    }

    public static string ReportPath(RunResult run) => Path.Combine(run.Folder, "report.html");

    /// <summary>Writes report.html unless the runner already did (once it is wired into CheckRunner).</summary>
    private static void EnsureReport(RunResult run)
    {
        if (!File.Exists(ReportPath(run)))
        {
            HtmlReportWriter.Write(ReportPath(run), run, run.Outcomes.Select(ClaimRecord.From).ToArray(), RunSummary.From(run));
        }
    }
}
