using System.Text.Json;
using CrossCheck.Provenance;

namespace CrossCheck.Tests.Provenance;

/// <summary>
/// A recorded answer's latency, read back from the log for replay and resume, is the latency the run measured, to the
/// tick: claims.json shows it rounded to 0.1 ms, and a replay must write the same bytes (a full suite run once saw
/// 187.1 ms in a run and 187 ms in its replay). Reading it with TimeSpan.FromMilliseconds lost a tick for ticks 3, 6,
/// 12, 24, 29, … (truncation of ticks / 10,000 × 10,000).
/// </summary>
public sealed class RecordedLatencyTests
{
    [Fact]
    public void Latency_WrittenToTheLogAndReadBack_IsTheMeasuredOneToTheTick()
    {
        // Every tick of the first 0.2 s, then a spread up to ten minutes, each through the log's JSON as well.
        var wrong = new List<long>();
        for (long t = 0; t < 2_000_000 && wrong.Count < 5; t++)
        {
            if (RecordedAnswers.LatencyOf(TimeSpan.FromTicks(t).TotalMilliseconds).Ticks != t)
            {
                wrong.Add(t);
            }
        }
        for (long i = 0; i < 20_000 && wrong.Count < 5; i++)
        {
            var t = 2_000_000 + (i * 299_999_989L % 6_000_000_000L);
            var logged = JsonDocument.Parse(JsonSerializer.Serialize(TimeSpan.FromTicks(t).TotalMilliseconds)).RootElement.GetDouble();
            if (RecordedAnswers.LatencyOf(logged).Ticks != t)
            {
                wrong.Add(t);
            }
        }
        Assert.True(wrong.Count == 0, "read back a different latency for ticks " + string.Join(", ", wrong));
    }

    [Theory]
    [InlineData(187.0450, 1_870_450)]
    [InlineData(187.0501, 1_870_501)]
    [InlineData(0.0003, 3)]
    [InlineData(0, 0)]
    public void Latency_OfAWrittenValue_IsTheNearestTick(double milliseconds, long ticks) =>
        Assert.Equal(ticks, RecordedAnswers.LatencyOf(milliseconds).Ticks);
}

/// <summary>
/// One request sent for several claims (a repair prompt that holds only a misbehaving model's bad answer, alike for every
/// claim): replay gives each claim the answer recorded for it. Found by replaying `CrossCheck.Bench panel-faults obey`,
/// whose claims.json came back with another claim's latencies in five places.
/// </summary>
public sealed class RecordedAnswersPerClaimTests : IDisposable
{
    private readonly Support.TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Call(string claim, string hash, double latency, string response) =>
        JsonSerializer.Serialize(new { v = 2, seq = 0, type = "model_call", data = new { claim, stage = "Draft/repair", request_hash = hash, response, usage = new { input_tokens = 1, output_tokens = 2 }, latency_ms = latency, origin = "provider" } });

    [Fact]
    public void SameRequestForTwoClaims_EachClaimGetsItsOwnAnswer_AndNoClaimTheFirst()
    {
        var log = _temp.Write("provenance.jsonl", string.Join('\n', Call("C11", "h1", 76.1367, "a"), Call("C2", "h1", 83.4348, "b"), Call("C9", "h2", 5, "c")) + "\n");

        var recorded = RecordedAnswers.Load(log);

        Assert.True(recorded.TryGet("h1", "C2", out var c2));
        Assert.Equal(("b", 834_348L), (c2.Text, c2.Latency.Ticks));
        Assert.True(recorded.TryGet("h1", "C11", out var c11));
        Assert.Equal(("a", 761_367L), (c11.Text, c11.Latency.Ticks));
        // A claim the log has no answer of its own for (or no claim at all) gets the request's first answer, as before.
        Assert.True(recorded.TryGet("h1", "C5", out var other));
        Assert.Equal("a", other.Text);
        Assert.True(recorded.TryGet("h2", null, out var noClaim));
        Assert.Equal("c", noClaim.Text);
        Assert.False(recorded.TryGet("h3", "C2", out _));
    }
}
