using System.Text.Json;
using CrossCheck.Models;

namespace CrossCheck.Provenance;

/// <summary>
/// The model answers a provenance log holds, by request hash: what resume reuses instead of
/// paying again, and what replay answers from. Calls that ended in an error are not answers.
/// The same request can be sent for several claims (a repair prompt holds only the model's bad
/// answer, which a misbehaving model gives alike for every claim); each claim gets back the answer
/// recorded for it, with its own latency and origin, before any other claim's.
/// </summary>
public sealed class RecordedAnswers
{
    private readonly Dictionary<string, ModelAnswer> _answers;
    private readonly Dictionary<(string Claim, string Hash), ModelAnswer> _byClaim;
    private readonly HashSet<string> _logged;
    private readonly Dictionary<string, string> _errors;

    private RecordedAnswers(Dictionary<string, ModelAnswer> answers, Dictionary<(string, string), ModelAnswer> byClaim, HashSet<string> logged, Dictionary<string, string> errors, RecordedRoles roles)
    {
        _answers = answers;
        _byClaim = byClaim;
        _logged = logged;
        _errors = errors;
        Roles = roles;
    }

    public static RecordedAnswers Empty { get; } = new([], [], [], [], RecordedRoles.Empty);

    /// <summary>Who held each claim's roles in the recorded run (what a replay must give them to).</summary>
    public RecordedRoles Roles { get; }

    /// <summary>The origin of a reused answer that was free when recorded: reusing it is not metered as a paid call.</summary>
    public const string UnpaidOrigin = "log-unpaid";

    public int Count => _answers.Count;

    public static RecordedAnswers Load(string provenancePath)
    {
        var answers = new Dictionary<string, ModelAnswer>(StringComparer.Ordinal);
        var byClaim = new Dictionary<(string, string), ModelAnswer>();
        var logged = new HashSet<string>(StringComparer.Ordinal);
        var roles = new Dictionary<string, RecordedRoles.Assignment>(StringComparer.Ordinal);
        var moves = new Dictionary<(string, string, int, string), RecordedRoles.Move>();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(provenancePath))
        {
            if (line.Contains("\"type\":\"roles\"", StringComparison.Ordinal) || line.Contains("\"type\":\"role_reassigned\"", StringComparison.Ordinal))
            {
                try
                {
                    using var doc = JsonDocument.Parse(line);
                    RecordedRoles.Read(doc.RootElement, roles, moves);
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    // Not a record this reader knows; replay then gives roles by the rotation, as before.
                }
                continue;
            }
            if (!line.Contains("\"model_call\"", StringComparison.Ordinal))
            {
                continue;
            }
            JsonElement record;
            try
            {
                using var doc = JsonDocument.Parse(line);
                record = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                continue;
            }
            if (record.GetProperty("type").GetString() != "model_call")
            {
                continue;
            }
            var data = record.GetProperty("data");
            if (data.TryGetProperty("request_hash", out var called) && called.GetString() is { } calledHash)
            {
                logged.Add(calledHash);
                if (data.TryGetProperty("error", out var error) && error.GetString() is { } message)
                {
                    errors[calledHash] = message;
                }
            }
            if (!data.TryGetProperty("response", out var response) || !data.TryGetProperty("request_hash", out var hash))
            {
                continue;
            }
            var usage = data.GetProperty("usage");
            var version = data.TryGetProperty("model_version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            // An answer that cost nothing when recorded (served by the cache, or carried by --since) costs nothing when reused.
            var unpaid = data.TryGetProperty("origin", out var o) && o.GetString() is "cache" or "since";
            var answer = new ModelAnswer(
                response.GetString() ?? "",
                usage.GetProperty("input_tokens").GetInt32(),
                usage.GetProperty("output_tokens").GetInt32(),
                version,
                LatencyOf(data.TryGetProperty("latency_ms", out var l) ? l.GetDouble() : 0)) { Origin = unpaid ? UnpaidOrigin : "log", RecordedOrigin = data.TryGetProperty("origin", out var recorded) ? recorded.GetString() : null };
            answers.TryAdd(hash.GetString()!, answer);
            if (data.TryGetProperty("claim", out var claim) && claim.ValueKind == JsonValueKind.String)
            {
                byClaim.TryAdd((claim.GetString()!, hash.GetString()!), answer);
            }
        }
        return new RecordedAnswers(answers, byClaim, logged, errors, RecordedRoles.From(roles, moves));
    }

    /// <summary>
    /// The latency a log's <c>latency_ms</c> recorded, to the tick it was measured in. The log holds the measured
    /// <see cref="TimeSpan.TotalMilliseconds"/> (ticks / 10,000); <see cref="TimeSpan.FromMilliseconds(double)"/> truncates
    /// the product back to ticks and can land one tick short (187.05 ms read as 187.0499), which a report rounding to
    /// 0.1 ms then shows differently from the run it replays or resumes.
    /// </summary>
    internal static TimeSpan LatencyOf(double milliseconds) => TimeSpan.FromTicks((long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond));

    /// <summary>The answer recorded for this request: the one recorded for <paramref name="claim"/> when there is one, else the first.</summary>
    public bool TryGet(string requestHash, string? claim, out ModelAnswer answer) =>
        claim is not null && _byClaim.TryGetValue((claim, requestHash), out answer!) || _answers.TryGetValue(requestHash, out answer!);

    /// <summary>The error the log recorded for this request's call when it failed (its last failure), as the run reported it.</summary>
    public string? ErrorOf(string requestHash) => _errors.GetValueOrDefault(requestHash);

    /// <summary>True when the log records this request at all: with its answer, or as a call that failed.</summary>
    public bool Logged(string requestHash) => _logged.Contains(requestHash);
}
