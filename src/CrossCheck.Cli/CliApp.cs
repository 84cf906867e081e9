using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary>
/// The program: parses the command line and runs one command. <c>Program.cs</c> calls it; the tests' warm CLI host
/// (tests/CrossCheck.CliHost) calls it too, many times in one process, so nothing here may keep state between calls
/// beyond what <see cref="Output.ConfigureConsoles"/> sets afresh.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (ExtractText.TryFastPath(args, out var extracted))
        {
            return extracted;
        }
        Output.ConfigureConsoles();
        args = CommandLineHelp.Prepare(args);
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("crosscheck");
            config.SetApplicationVersion(CrossCheck.Running.CheckRunner.ProgramVersion);
            config.Settings.CancellationExitCode = ExitCodes.Cancelled;
            config.Settings.StrictParsing = true;
            config.SetExceptionHandler((exception, _) =>
            {
                if (exception is CommandAppException || UserErrors.Describe(exception) is not null)
                {
                    Output.Error(UserErrors.Describe(exception) ?? CommandLineHelp.Describe(exception, args) ?? exception.Message);
                    return ExitCodes.UsageOrInput;
                }
                Output.Error($"internal error: {exception.GetType().Name}: {exception.Message} (please report this)");
                return ExitCodes.Internal;
            });
            config.AddCommand<CheckCommand>("check")
                .WithDescription("Check an essay's claims against its source documents and write a run folder. " + ExitCodes.Help)
                .WithExample("check", "samples/essay.md", "--source", "samples/source.pdf")
                .WithExample("check", "draft.md", "-s", "report.pdf", "-s", "annex.pdf", "--fail-on", "contradicted,not_in_source");
            config.AddCommand<ProvidersCommand>("providers")
                .WithDescription("List the LLM providers found in config and the environment (keys masked); --ping tries each.");
            config.AddCommand<VerifyLogCommand>("verify-log")
                .WithDescription("Check a run's provenance hash chain, its end, its published head hash and its signature (--key pins the signer); names the first problem. Exit 0 if it holds, 4 if not.")
                .WithExample("verify-log", "runs/20260101-120000-ab12");
            config.AddCommand<ReplayCommand>("replay")
                .WithDescription("Rebuild every report of a finished run from its provenance log, calling no model.")
                .WithExample("replay", "runs/20260101-120000-ab12", "--out", "/tmp/replayed");
            config.AddCommand<ReviewCommand>("review").WithDescription("Record an editor's decisions (exported from report.html) in the run's provenance chain and re-render its reports with a human column and the human-vs-panel agreement.").WithExample("review", "runs/20260101-120000-ab12", "decisions.json", "--reviewer", "Ada");
            config.AddCommand<CacheCommand>("cache")
                .WithDescription("The response cache: 'cache clear' deletes every cached answer, 'cache stats' shows its size.")
                .WithExample("cache", "clear");
            config.AddCommand<KeyCommand>("key")
                .WithDescription("The installation's signing key: 'key export' prints the public key (PEM) for editors to pin with verify-log --key.")
                .WithExample("key", "export");
            config.AddCommand<CompareCommand>("compare").WithDescription("Compare two runs: claims added, removed or reworded, verdict changes per panelist and final, agreement and cost before and after (Markdown, JSON, HTML).").WithExample("compare", "runs/v1", "runs/v2");
            config.AddCommand<BatchCommand>("batch").WithDescription("Check many essays from a YAML or JSON manifest with one panel, one budget and one cache; one run folder each and a batch summary (CSV, JSON, HTML) with pooled agreement and intervals.").WithExample("batch", "essays.yaml", "--out", "batch");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Serve the HTTP API, the web page and the job worker (embedded by default; --store for PostgreSQL). See README 'Serving'.")
                .WithExample("serve", "--urls", "http://127.0.0.1:5080", "--allow-anonymous-localhost");
            config.AddCommand<SubmitCommand>("submit")
                .WithDescription("Submit an essay and its sources to a running 'serve'; prints the run id.")
                .WithExample("submit", "draft.md", "--source", "report.pdf", "--server", "http://127.0.0.1:5080");
            config.AddCommand<StatusCommand>("status")
                .WithDescription("Show a run's status on a running 'serve'.")
                .WithExample("status", "20260101-120000-1a2b3c4d", "--server", "http://127.0.0.1:5080");
            config.AddCommand<ExtractCommand>("extract")
                .WithDescription("Show what CrossCheck reads from a source: its text page by page (form feeds between pages, set-aside footnotes, headers and page numbers in ⟦ ⟧), the sections found on stderr.")
                .WithExample("extract", "report.pdf", "-o", "report.txt");
            config.AddCommand<SampleCommand>("sample")
                .WithDescription("Write the bundled sample (an essay and a generated multi-page source PDF) into a folder.");
        });
        if (args.Length == 0)
        {
            Output.FirstRunHint();
        }
        return await app.RunAsync(args).ConfigureAwait(false);
    }
}
