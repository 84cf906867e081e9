using CrossCheck.Checks;
using CrossCheck.Ingest;
using CrossCheck.Provenance;
using CrossCheck.Provenance.Verification;
using CrossCheck.Review;
using CrossCheck.Tests.Html;
using CrossCheck.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CrossCheck.Tests.Review;

public sealed class ReviewRecorderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Append_AddsHumanRecordsAndReviewEnd_ResealsRunJson_AndTheRunStillVerifies()
    {
        var run = await ReportRuns.SampleAsync(_temp);
        var finals = run.Outcomes.ToDictionary(o => o.Claim.Id, o => o.FinalVerdict);
        var first = run.Outcomes[0].Claim.Id;
        var file = new DecisionsFile(run.RunId, "Ada", [new(first, HumanDecisionKind.FalseAlarm, "reads fine", null)]);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));

        var outcome = ReviewRecorder.Append(run.Folder, file, "abc", "Ada", finals, time, key: null);

        var log = Path.Combine(run.Folder, "provenance.jsonl");
        var check = ProvenanceVerifier.Verify(log);
        Assert.Equal(outcome.Head, check.LastHash);
        Assert.Equal(outcome.Head, LogSeal.ReadFrom(Path.Combine(run.Folder, "run.json")).Seal!.HeadSha256);
        var review = HumanReview.FromLog(log)!;
        var d = review.For(first)!;
        Assert.Equal(HumanDecisionKind.FalseAlarm, d.Decision);
        Assert.Equal("Ada", d.Reviewer);
        Assert.Equal(time.GetUtcNow(), d.At);
        Assert.Equal(finals[first] == Verdict.Supported ? null : Verdict.Supported, d.Verdict);
        // methodology.md still quotes the old head: until it is re-rendered, verify-log reports the mismatch.
        Assert.Equal(ChainBreakKind.HeadMismatch, ProvenanceVerifier.VerifyRun(run.Folder).Break?.Kind);
        File.Delete(Path.Combine(run.Folder, "methodology.md"));
        Assert.True(ProvenanceVerifier.VerifyRun(run.Folder).ChainHolds);
    }

    [Fact]
    public async Task VerifyRun_WhenHumanRecordsAreNotClosedByReviewEnd_ReportsRecordsAfterTheEnd()
    {
        var run = await ReportRuns.SampleAsync(_temp);
        File.Delete(Path.Combine(run.Folder, "methodology.md"));
        File.Delete(Path.Combine(run.Folder, "run.json"));
        File.WriteAllText(Path.Combine(run.Folder, "run.json"), $$"""{"run_id":"{{run.RunId}}"}""");
        var (log, _, _) = ProvenanceLog.OpenForAppend(Path.Combine(run.Folder, "provenance.jsonl"), TimeProvider.System);
        using (log)
        {
            log.Append(HumanReview.RecordType, new { claim = "C1", decision = "agree", final_verdict = "supported", reviewer = "x" });
        }
        Assert.Equal(ChainBreakKind.RecordsAfterRunEnd, ProvenanceVerifier.VerifyRun(run.Folder).Break?.Kind);
    }

    [Fact]
    public async Task Append_RefusesAnotherRunsFile_AndUnknownClaims_WithoutTouchingTheLog()
    {
        var run = await ReportRuns.SampleAsync(_temp);
        var finals = run.Outcomes.ToDictionary(o => o.Claim.Id, o => o.FinalVerdict);
        var log = Path.Combine(run.Folder, "provenance.jsonl");
        var before = File.ReadAllBytes(log);

        var other = Assert.Throws<InputException>(() => ReviewRecorder.Append(run.Folder,
            new DecisionsFile("another-run", "x", [new("C1", HumanDecisionKind.Agree, null, null)]), "h", "x", finals, TimeProvider.System, null));
        Assert.Contains("for run another-run", other.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<InputException>(() => ReviewRecorder.Append(run.Folder,
            new DecisionsFile(run.RunId, "x", [new("C999", HumanDecisionKind.Agree, null, null)]), "h", "x", finals, TimeProvider.System, null));
        Assert.Contains("C999", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(log));
    }
}
