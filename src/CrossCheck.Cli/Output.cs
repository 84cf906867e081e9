using CrossCheck.Checks;
using CrossCheck.Running;
using Spectre.Console;

namespace CrossCheck.Cli;

/// <summary>What the command shows: progress on stderr, the summary on stdout, errors as one line on stderr.</summary>
public sealed class Output(bool quiet)
{
    private static readonly IAnsiConsole Err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
    private string? _lastStage;
    private int _lastPercent = -1;

    public IProgress<RunProgress>? Progress => quiet ? null : new SyncProgress(Show);

    public static void Error(string message) => Console.Error.WriteLine($"crosscheck: error: {message}");

    private void Show(RunProgress p)
    {
        var percent = p.Total == 0 ? 100 : p.Done * 100 / p.Total;
        if (p.Stage == _lastStage && percent / 10 == _lastPercent / 10 && p.Done != p.Total)
        {
            return;
        }
        _lastStage = p.Stage;
        _lastPercent = percent;
        Err.MarkupLineInterpolated($"[grey]{p.Stage,-7}[/] {p.Done}/{p.Total} [grey]{p.Detail ?? ""}[/]");
    }

    public void Summary(RunResult run)
    {
        var table = new Table().AddColumn("verdict").AddColumn(new TableColumn("claims").RightAligned());
        foreach (var v in VerdictNames.All)
        {
            var count = run.Count(v);
            table.AddRow(Markup.Escape(v.Name()), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"{run.Outcomes.Count} claims checked against {run.Sources.Count} source(s). Run folder: {run.Folder}");
        AnsiConsole.WriteLine("Reports: report.md, matrix.csv, matrix.json, claims.json, methodology.md, provenance.jsonl");
        AnsiConsole.WriteLine("Panel: offline grounding checker only (no LLM took part). See README, \"Providers\", to add models.");
    }

    /// <summary>Reports on the calling thread, so lines come out in order.</summary>
    private sealed class SyncProgress(Action<RunProgress> handler) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => handler(value);
    }
}
