using CrossCheck.Checks;
using CrossCheck.Running;
using CrossCheck.Runs;
using Spectre.Console;

namespace CrossCheck.Cli;

/// <summary>What the command shows: progress on stderr, the summary on stdout, errors as one line on stderr.</summary>
public sealed class Output(bool quiet)
{
    /// <summary>Wide enough that no line is ever wrapped when the output goes to a file or a CI log.</summary>
    private const int PlainWidth = 1 << 15;

    /// <summary>The console lists at most this many problem claims (the worst); a long run's thousands stay in the reports.</summary>
    public const int ConsoleProblemLines = 20;

    /// <summary>Progress goes to stderr; made afresh by <see cref="ConfigureConsoles"/> so it follows <see cref="Console.Error"/>.</summary>
    private static IAnsiConsole _err = ErrorConsole();
    private string? _lastStage;
    private int _lastPercent = -1;

    public IProgress<RunProgress>? Progress => quiet ? null : new SyncProgress(Show);

    /// <summary>
    /// When stdout is not a terminal (a pipe, a file, a CI log), Spectre would still wrap at 80 columns and may
    /// colour: write plain, unwrapped lines instead.
    /// </summary>
    public static void ConfigureConsoles()
    {
        _err = ErrorConsole();
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Console = Plain(AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Console.Out),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            }), redirected: true);
        }
    }

    private static IAnsiConsole ErrorConsole() =>
        Plain(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }), Console.IsErrorRedirected);

    private static IAnsiConsole Plain(IAnsiConsole console, bool redirected)
    {
        if (redirected)
        {
            console.Profile.Width = PlainWidth;
        }
        return console;
    }

    /// <summary>Shown when the program is run with no arguments: how to try it in two commands.</summary>
    public static void FirstRunHint() => Console.Error.WriteLine(
        "crosscheck: new here? try the bundled sample: 'crosscheck sample' writes an essay and its source PDF into a new folder, then run the 'crosscheck check' line it prints.");

    public static void Error(string message) => Console.Error.WriteLine($"crosscheck: error: {message}");

    public static void Warning(string message) => Console.Error.WriteLine($"crosscheck: warning: {message}");

    private void Show(RunProgress p)
    {
        var percent = p.Total == 0 ? 100 : p.Done * 100 / p.Total;
        if (p.Stage == _lastStage && percent / 10 == _lastPercent / 10 && p.Done != p.Total)
        {
            return;
        }
        _lastStage = p.Stage;
        _lastPercent = percent;
        _err.MarkupLineInterpolated($"[grey]{p.Stage,-7}[/] {p.Done}/{p.Total} [grey]{p.Detail ?? ""}[/]");
    }

    public void Summary(RunResult run, Panel.Providers.ProviderRegistry registry)
    {
        var table = new Table().AddColumn("verdict").AddColumn(new TableColumn("claims").RightAligned());
        foreach (var v in VerdictNames.All)
        {
            var count = run.Count(v);
            table.AddRow(Markup.Escape(v.Name()), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        var problems = Reports.Ci.ProblemClaims.From(run);
        if (problems.Count > 0)
        {
            AnsiConsole.WriteLine($"Problem claims ({problems.Count}), worst first:");
            var idWidth = problems.Max(p => p.Id.Length);
            var verdictWidth = problems.Max(p => p.Verdict.Name().Length);
            foreach (var p in problems.Take(ConsoleProblemLines))
            {
                AnsiConsole.WriteLine($"  {p.Id.PadRight(idWidth)}  {p.Verdict.Name().PadRight(verdictWidth)}  line {p.Line,-4} {p.Evidence ?? "no evidence found"}: {p.ShortReason()}");
            }
            if (problems.Count > ConsoleProblemLines)
            {
                AnsiConsole.WriteLine($"  … and {problems.Count - ConsoleProblemLines} more problem claim(s): report.html lists them all, worst first (also report.md, matrix.csv).");
            }
        }
        AnsiConsole.WriteLine($"{run.Outcomes.Count} claims checked against {run.Sources.Count} source(s). Run folder: {run.Folder}");
        AnsiConsole.WriteLine("Reports: report.html (open it in a browser), report.md, matrix.csv, matrix.json, claims.json, methodology.md, provenance.jsonl");
        if (run.Options.Panel.Count > 0)
        {
            AnsiConsole.WriteLine($"Panel: {string.Join(", ", run.Options.Panel.Select(p => p.Id))} + offline grounding checker.");
            if (run.Costs is { } meter)
            {
                var total = meter.Total;
                AnsiConsole.WriteLine($"Model calls: {total.Calls}, {total.InputTokens:N0} input / {total.OutputTokens:N0} output tokens, US${total.KnownCost:0.00##}{(total.UnpricedCalls > 0 ? $" (+{total.UnpricedCalls} unpriced call(s))" : "")}.");
            }
            return;
        }
        var configured = registry.Providers.Select(p => p.Name).ToArray();
        AnsiConsole.WriteLine("Panel: offline grounding checker only (no LLM took part).");
        AnsiConsole.WriteLine(configured.Length > 0
            ? $"Providers found: {string.Join(", ", configured)}. Add a panel with --panel provider:model,... (see README, \"Providers\")."
            : "To add an LLM panel, set provider keys (OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, XAI_API_KEY, OLLAMA_HOST...) and pass --panel provider:model,... (see README, \"Providers\").");
    }

    public static void Estimate(RunEstimate estimate, RunOptions options)
    {
        if (options.Panel.Count == 0)
        {
            AnsiConsole.WriteLine($"{estimate.Claims} claims; no panel given: the offline grounding checker makes no model calls and costs nothing.");
            return;
        }
        var table = new Table().AddColumn("stage").AddColumn(new TableColumn("calls").RightAligned()).AddColumn(new TableColumn("input tokens").RightAligned())
            .AddColumn(new TableColumn("output tokens").RightAligned()).AddColumn(new TableColumn("cost (USD)").RightAligned());
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var (stage, t) in estimate.ByStage)
        {
            table.AddRow(stage, t.Calls.ToString(ci), t.InputTokens.ToString("N0", ci), t.OutputTokens.ToString("N0", ci), t.KnownCost.ToString("0.00##", ci));
        }
        table.AddRow("total", estimate.Calls.ToString(ci), estimate.InputTokens.ToString("N0", ci), estimate.OutputTokens.ToString("N0", ci), estimate.CostUsd.ToString("0.00##", ci));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"Estimate for {estimate.CheckableClaims} checkable of {estimate.Claims} claims with {string.Join(", ", options.Panel.Select(p => p.Id))}; nothing was called.");
        AnsiConsole.WriteLine("Input tokens are counted from the requests the run would send (characters / 4); output tokens are per-stage expectations; repairs and retries are not included.");
        if (estimate.UnpricedCalls > 0)
        {
            AnsiConsole.WriteLine($"{estimate.UnpricedCalls} call(s) go to models with no price in the table (CrossCheck:Prices): their cost is not included.");
        }
    }

    /// <summary>Reports on the calling thread, so lines come out in order.</summary>
    private sealed class SyncProgress(Action<RunProgress> handler) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => handler(value);
    }
}
