using CrossCheck.Checks;
using CrossCheck.Hosting;
using CrossCheck.Panel.Providers;
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
        try
        {
            var options = CheckCommand.BuildOptions(request.Settings, config.Value, request.CommandLine, registry);
            if (request.Settings.Estimate)
            {
                Output.Estimate(await runner.EstimateAsync(options, stoppingToken), options);
                outcome.ExitCode = ExitCodes.Ok;
                return;
            }
            var result = await runner.RunAsync(options, output.Progress, stoppingToken);
            output.Summary(result, registry);
            foreach (var doc in result.Sources.Prepend(result.Essay))
            {
                foreach (var warning in doc.Warnings)
                {
                    Output.Warning($"{doc.Path}: {warning}");
                }
            }
            var failing = result.FailingVerdicts;
            if (failing.Count > 0)
            {
                Output.Error($"--fail-on: {string.Join(", ", failing.Select(v => $"{result.Count(v)} claim(s) {v.Name()}"))}");
            }
            if (!result.Complete)
            {
                Output.Error($"--max-cost reached: {result.UncheckedClaims.Count} claim(s) left unchecked by the panel; the report in {result.Folder} is marked incomplete.");
            }
            var panel = Reports.PanelSummary.From(result);
            foreach (var u in panel?.Usage?.Where(u => u.FailedCalls > 0) ?? [])
            {
                Output.Error($"panelist {u.Describe()}");
            }
            var degraded = panel?.Degraded == true && !request.Settings.AllowDegraded;
            if (panel?.Degraded == true)
            {
                Output.Error($"panel degraded: {string.Join("; ", panel.DegradedReasons)}{(degraded ? " (exit 6; --allow-degraded to accept)" : "")}");
            }
            outcome.ExitCode = !result.Complete ? ExitCodes.BudgetReached
                : failing.Count > 0 ? ExitCodes.FailOnVerdictFound
                : degraded ? ExitCodes.PanelDegraded
                : ExitCodes.Ok;
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
            lifetime.StopApplication();
        }
    }
}
