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
