namespace CrossCheck.Tests.Emulator;

/// <summary>
/// What the emulator does with one request: answer in the request's wire format, or fail in a
/// chosen way. Scripted answers are test fixtures, never model output.
/// </summary>
public sealed record ScriptedReply
{
    /// <summary>The default answer: a fixed JSON verdict, so callers that parse JSON get something valid.</summary>
    public const string DefaultText = """{"verdict":"supported","rationale":"emulator default reply"}""";

    /// <summary>Assistant text, wrapped in the request's wire format.</summary>
    public string Text { get; init; } = DefaultText;

    public int InputTokens { get; init; } = 42;

    public int OutputTokens { get; init; } = 7;

    /// <summary>Model name reported back; null echoes the requested model with a date suffix.</summary>
    public string? ModelVersion { get; init; }

    public int StatusCode { get; init; } = 200;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Sent verbatim instead of the wire-format body (errors, malformed JSON).</summary>
    public string? RawBody { get; init; }

    /// <summary>Wait this long before answering (cut short when the client goes away).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>A refusal in the wire format's own terms: OpenAI <c>refusal</c> with no content, Anthropic <c>stop_reason: refusal</c>.</summary>
    public bool Refusal { get; init; }

    /// <summary>Close the connection without sending any response.</summary>
    public bool DropConnection { get; init; }

    /// <summary>Send only the first half of the body, then close (Content-Length promises more).</summary>
    public bool Truncate { get; init; }

    public static ScriptedReply Answer(string text, int inputTokens = 42, int outputTokens = 7) =>
        new() { Text = text, InputTokens = inputTokens, OutputTokens = outputTokens };

    public static ScriptedReply Fault(int statusCode, string body = """{"error":{"message":"emulated fault","type":"server_error"}}""", IReadOnlyDictionary<string, string>? headers = null) =>
        new() { StatusCode = statusCode, RawBody = body, Headers = headers ?? new Dictionary<string, string>() };

    public static ScriptedReply RateLimited(int retryAfterSeconds = 1) =>
        Fault(429, """{"error":{"message":"rate limited (emulated)","type":"rate_limit_error"}}""",
            new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Anthropic's "overloaded" status.</summary>
    public static ScriptedReply Overloaded() =>
        Fault(529, """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded (emulated)"}}""");

    public static ScriptedReply Refused(string text = "I can't help with that.") => new() { Text = text, Refusal = true };

    public static ScriptedReply Dropped() => new() { DropConnection = true };

    public static ScriptedReply Malformed() => new() { RawBody = """{"id": "broken", "choices": [ {"mess""" };

    public static ScriptedReply Truncated(string text = DefaultText) => new() { Text = text, Truncate = true };

    public ScriptedReply After(TimeSpan delay) => this with { Delay = delay };

    /// <summary>Headers at once, then the body 8 bytes at a time, waiting this long between pieces.</summary>
    public TimeSpan Trickle { get; init; }

    public ScriptedReply Trickling(TimeSpan perEightBytes) => this with { Trickle = perEightBytes };
}
