using System.ComponentModel;
using CrossCheck.Hosting;
using CrossCheck.Ingest;
using CrossCheck.Provenance;
using CrossCheck.Reports;
using CrossCheck.Reports.Html;
using CrossCheck.Runs;
using CrossCheck.Review;
using CrossCheck.Running;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace CrossCheck.Cli;

/// <summary>
/// <c>crosscheck review &lt;run&gt; &lt;decisions.json&gt;</c>: records an editor's decisions (exported from report.html)
/// in the run's provenance chain as <c>human</c> records, then re-renders report.html, report.md and methodology.md
/// with the human column and the human-vs-panel agreement. The run is rebuilt from its log as replay does: no model is called.
/// </summary>
public sealed class ReviewCommand : AsyncCommand<ReviewCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("A finished run folder (runs/<id>).")]
        public string Run { get; init; } = "";

        [CommandArgument(1, "<DECISIONS>")]
        [Description("The decisions file exported from the run's report.html (\"Export decisions\").")]
        public string Decisions { get; init; } = "";

        [CommandOption("--reviewer <NAME>")]
        [Description("Who reviewed. Default: the name typed in report.html and saved in the decisions file.")]
        public string? Reviewer { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var host = CliHost.BuildValidated(settings.Verbose);
        var run = Path.GetFullPath(settings.Run);
        if (!File.Exists(Path.Combine(run, "run.json")))
        {
            throw new InputException($"{settings.Run}: not a finished run folder (no run.json); give runs/<id>.");
        }
        var file = DecisionsFile.Load(settings.Decisions);
        var reviewer = (settings.Reviewer ?? file.Reviewer)?.Trim();
        if (string.IsNullOrEmpty(reviewer))
        {
            throw new InputException($"{settings.Decisions}: names no reviewer; add --reviewer NAME.");
        }
        var scratch = Path.Combine(Path.GetTempPath(), $"crosscheck-review-{Guid.NewGuid():N}");
        try
        {
            // Rebuild the run from its log (the log is verified first) to render its reports again.
            var result = await host.Services.GetRequiredService<CheckRunner>().RunAsync(Replayer.OptionsFor(run, scratch), null, cancellationToken);
            var records = result.Outcomes.Select(ClaimRecord.From).ToArray();
            var time = host.Services.GetRequiredService<TimeProvider>();
            using var key = ServiceCollectionExtensions.LoadSigningKey();
            var outcome = ReviewRecorder.Append(run, file, ReviewRecorder.Sha256Of(settings.Decisions), reviewer,
                records.ToDictionary(c => c.Id, c => c.FinalVerdict, StringComparer.Ordinal), time, key);

            var review = HumanReview.FromLog(Path.Combine(run, "provenance.jsonl"));
            var reviewed = result with { Folder = run };
            var summary = RunSummary.From(reviewed);
            MarkdownReportWriter.Write(Path.Combine(run, "report.md"), reviewed, records, summary, review);
            HtmlReportWriter.Write(Path.Combine(run, "report.html"), reviewed, records, summary, review,
                Directory.Exists(Path.Combine(run, "sources")) ? SourceLinkMode.Copy : SourceLinkMode.None);
            MethodologyWriter.Write(Path.Combine(run, "methodology.md"), reviewed, summary, outcome.Head, outcome.Seal, review);

            var agreement = HumanReviewText.Agreement(review!, records);
            var check = ProvenanceVerifier.VerifyRun(run);
            Console.WriteLine($"recorded {outcome.Decisions} decision(s) by {reviewer}: {agreement.Reviewed} of {agreement.Claims} claims reviewed, {agreement.Unreviewed} unreviewed; " +
                $"Cohen's kappa human × final {HumanReviewText.Kappa(agreement.VersusFinal)}. Reports re-rendered in {run}. Log: {check}");
            return check.ChainHolds ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        }
        finally
        {
            foreach (var folder in new[] { scratch, scratch + ".partial" }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
