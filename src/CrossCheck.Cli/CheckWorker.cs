using CrossCheck.Checks;
using CrossCheck.Hosting;
using CrossCheck.Panel.Providers;
using CrossCheck.Reports.Ci;
using CrossCheck.Running;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrossCheck.Cli;

/// <summary>The hosted worker that runs one check job (or its estimate), prints the outcome and stops the host.</summary>
public sealed class CheckWorker(
    CheckRequest request,
    IOptions<CrossCheckOptions> config,
    JobOutcome outcome,
    Output output,
    ProviderRegistry registry,
    CheckRunner runner,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        StdinEssay? stdin = null;
        try
        {
            var settings = request.Settings;
            stdin = settings.FromStdin ? StdinEssay.Read(Console.OpenStandardInput(), settings.EssayFormat) : null;
            var options = CheckCommand.BuildOptions(settings, config.Value, request.CommandLine, registry);
            if (stdin is not null)
            {
                options = options with { EssayPath = stdin.Path };
            }
            if (settings.Estimate)
            {
                Output.Estimate(await runner.EstimateAsync(options, stoppingToken), options);
                outcome.ExitCode = ExitCodes.Ok;
                return;
            }
            var result = await runner.RunAsync(options, output.Progress, stoppingToken);
            if (settings.OutputFormat == "text")
            {
                output.Summary(result, registry);
            }
            foreach (var doc in result.Sources.Prepend(result.Essay))
            {
                foreach (var warning in doc.Warnings)
                {
                    Output.Warning($"{doc.Path}: {warning}");
                }
            }
            var (code, reason) = Decide(result, settings.AllowDegraded);
            outcome.ExitCode = code;
            var essayPath = stdin is null ? settings.Essay : null;
            if (settings.OutputFormat == "json")
            {
                Console.Out.WriteLine(CiSummary.Write(result, code, reason));
            }
            else if (settings.OutputFormat == "sarif")
            {
                Console.Out.WriteLine(SarifWriter.Write(result, essayPath, Directory.GetCurrentDirectory()));
            }
            var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
            if (GitHubActions.Active(environment))
            {
                GitHubActions.Publish(result, essayPath, code, reason, environment, settings.OutputFormat == "text" ? Console.Out : Console.Error);
            }
        }
        catch (Exception e) when (UserErrors.Describe(e) is { } message)
        {
            Output.Error(message);
            outcome.ExitCode = ExitCodes.UsageOrInput;
        }
        catch (Runs.RunInProgressException e)
        {
            Output.Error(e.Message);
            outcome.ExitCode = ExitCodes.RunInProgress;
        }
        catch (IOException e) when (e.HResult is 28 or 0x70 or unchecked((int)0x80070070) || e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase))
        {
            Output.Error($"the disk is full ({e.Message.TrimEnd('.')}); free some space and run the same command again to resume.");
            outcome.ExitCode = ExitCodes.UsageOrInput;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Output.Error("cancelled; the unfinished run was left in a .partial folder and is not a complete run.");
            outcome.ExitCode = ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            Output.Error($"internal error: {e.GetType().Name}: {e.Message} (please report this; details follow)");
            Console.Error.WriteLine(e);
            outcome.ExitCode = ExitCodes.Internal;
        }
        finally
        {
            stdin?.Dispose();
            lifetime.StopApplication();
        }
    }

    /// <summary>The exit code and its reason; each problem the code stands for is also one error line on stderr.</summary>
    private static (int Code, string Reason) Decide(Runs.RunResult result, bool allowDegraded)
    {
        var failing = result.FailingVerdicts;
        var failText = $"--fail-on: {string.Join(", ", failing.Select(v => $"{result.Count(v)} claim(s) {v.Name()}"))}";
        if (failing.Count > 0)
        {
            Output.Error(failText);
        }
        var budgetText = $"--max-cost reached: {result.UncheckedClaims.Count} claim(s) left unchecked by the panel; the report in {result.Folder} is marked incomplete.";
        if (!result.Complete)
        {
            Output.Error(budgetText);
        }
        foreach (var sentence in result.Extraction.Sentences())
        {
            Output.Warning(sentence);
        }
        var panel = Reports.PanelSummary.From(result);
        foreach (var u in panel?.Usage?.Where(u => u.FailedCalls > 0) ?? [])
        {
            Output.Error($"panelist {u.Describe()}");
        }
        var degraded = panel?.Degraded == true && !allowDegraded;
        var degradedText = panel?.Degraded == true
            ? $"panel degraded: {string.Join("; ", panel.DegradedReasons)}"
            : "";
        if (panel?.Degraded == true)
        {
            Output.Error(degradedText + (degraded ? " (exit 6; --allow-degraded to accept)" : ""));
        }
        return !result.Complete ? (ExitCodes.BudgetReached, budgetText.TrimEnd('.'))
            : failing.Count > 0 ? (ExitCodes.FailOnVerdictFound, failText)
            : degraded ? (ExitCodes.PanelDegraded, degradedText)
            : (ExitCodes.Ok, "done");
    }
}
