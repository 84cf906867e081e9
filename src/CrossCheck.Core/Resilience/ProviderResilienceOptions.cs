using System.Globalization;
using CrossCheck.Models;
using Microsoft.Extensions.Configuration;

namespace CrossCheck.Resilience;

/// <summary>
/// How one provider's HTTP traffic is guarded. Read from <c>CrossCheck:Resilience:Default</c> (applies to every provider)
/// and then <c>CrossCheck:Resilience:&lt;provider&gt;</c>, over the built-in <see cref="Defaults"/>. Durations accept
/// <c>30s</c>, <c>2m</c>, <c>1m30s</c>, <c>500ms</c>, <c>00:01:30</c> or a number of seconds. A limit of 0 means "no limit".
/// The built-in figures are conservative guesses at entry-tier account limits, not the providers' published numbers:
/// raise them in configuration for a higher tier.
/// </summary>
public sealed record ProviderResilienceOptions
{
    public const string ConfigurationSection = "CrossCheck:Resilience";

    /// <summary>The section whose values apply to every provider before its own section.</summary>
    public const string DefaultSectionName = "Default";

    /// <summary>Requests in flight at once; more wait in a queue.</summary>
    public int MaxConcurrentRequests { get; init; } = 4;

    /// <summary>Client-side request rate (token bucket, full at start); 0 = unlimited.</summary>
    public int RequestsPerMinute { get; init; }

    /// <summary>Client-side input-token rate, estimated as request body bytes / 4; 0 = unlimited.</summary>
    public int TokensPerMinute { get; init; }

    /// <summary>Retries after the first attempt (0 = no retry).</summary>
    public int MaxRetryAttempts { get; init; } = 4;

    /// <summary>First backoff delay; doubles per retry, with jitter, unless the server says how long to wait.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Cap on any retry wait, including one the server asked for (Retry-After, rate-limit reset headers).</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Randomise backoff delays (not server-directed waits).</summary>
    public bool RetryUseJitter { get; init; } = true;

    /// <summary>Share of failed attempts within <see cref="BreakerSamplingDuration"/> that opens the breaker. 429 does not count as a failure.</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    /// <summary>Attempts needed within the sampling window before the breaker may open.</summary>
    public int BreakerMinimumThroughput { get; init; } = 6;

    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an open breaker fails calls fast (and reports the provider down) before letting a probe through.</summary>
    public TimeSpan BreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time for one HTTP attempt, body included.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Time for the whole call once it has left the concurrency queue: every attempt, retry wait and rate-limit wait.
    /// Time spent waiting for a concurrency slot does not count (nor does any SDK clock: SDK timeouts are off).
    /// </summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// Calls in a row that end in 429 after every retry before the provider is treated as down (an exhausted quota,
    /// not a passing burst): its roles go to other panelists for <see cref="RateLimitedDownDuration"/>.
    /// </summary>
    public int RateLimitedCallsBeforeDown { get; init; } = 3;

    /// <summary>How long a provider that kept answering 429 is treated as down.</summary>
    public TimeSpan RateLimitedDownDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Built-in defaults per provider. Cloud APIs: a few concurrent requests and entry-tier rates; OpenAI and Azure allow
    /// 15-minute attempts because the -pro models on the Responses API think for minutes; local servers (Ollama, compat)
    /// run one or two requests at a time, with no rate limit and long timeouts.
    /// </summary>
    public static ProviderResilienceOptions Defaults(string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var cloud = new ProviderResilienceOptions();
        return ProviderNames.Canonical(provider) switch
        {
            ProviderNames.OpenAI => cloud with
            {
                MaxConcurrentRequests = 8, RequestsPerMinute = 500, TokensPerMinute = 200_000,
                AttemptTimeout = TimeSpan.FromMinutes(15), TotalTimeout = TimeSpan.FromMinutes(45),
            },
            ProviderNames.Azure => cloud with
            {
                MaxConcurrentRequests = 4, RequestsPerMinute = 300, TokensPerMinute = 50_000,
                AttemptTimeout = TimeSpan.FromMinutes(15), TotalTimeout = TimeSpan.FromMinutes(45),
            },
            ProviderNames.Anthropic => cloud with { MaxConcurrentRequests = 4, RequestsPerMinute = 50, TokensPerMinute = 30_000 },
            ProviderNames.Gemini => cloud with { MaxConcurrentRequests = 4, RequestsPerMinute = 150, TokensPerMinute = 1_000_000 },
            ProviderNames.XAI => cloud with { MaxConcurrentRequests = 4, RequestsPerMinute = 60, TokensPerMinute = 100_000 },
            ProviderNames.Ollama => cloud with
            {
                MaxConcurrentRequests = 1, MaxRetryAttempts = 2, BreakerMinimumThroughput = 4,
                AttemptTimeout = TimeSpan.FromMinutes(10), TotalTimeout = TimeSpan.FromMinutes(30),
            },
            ProviderNames.Compat => cloud with
            {
                MaxConcurrentRequests = 2, MaxRetryAttempts = 2, BreakerMinimumThroughput = 4,
                AttemptTimeout = TimeSpan.FromMinutes(10), TotalTimeout = TimeSpan.FromMinutes(30),
            },
            _ => cloud,
        };
    }

    /// <summary>
    /// The options for one provider: <see cref="Defaults"/>, then <c>CrossCheck:Resilience:Default</c>, then
    /// <c>CrossCheck:Resilience:&lt;provider&gt;</c> (name or alias, any case). Validated; throws
    /// <see cref="ProviderConfigurationException"/> naming the key at fault.
    /// </summary>
    public static ProviderResilienceOptions FromConfiguration(IConfiguration? configuration, string provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        string name = ProviderNames.Canonical(provider);
        var options = Defaults(name);
        if (configuration is not null)
        {
            var root = configuration.GetSection(ConfigurationSection);
            options = Apply(options, root.GetSection(DefaultSectionName));
            foreach (var section in root.GetChildren().Where(s => s.Key != DefaultSectionName && ProviderNames.Canonical(s.Key) == name))
            {
                options = Apply(options, section);
            }
        }

        options.Validate($"{ConfigurationSection}:{name}");
        return options;
    }

    /// <summary>Throws <see cref="ProviderConfigurationException"/> (one line, naming <paramref name="where"/>) if a value is out of range.</summary>
    public void Validate(string where)
    {
        var problems = new List<string>();
        void Check(bool ok, string key, string rule)
        {
            if (!ok)
            {
                problems.Add($"{where}:{key} {rule}");
            }
        }

        Check(MaxConcurrentRequests is >= 1 and <= 1000, nameof(MaxConcurrentRequests), "must be between 1 and 1000");
        Check(RequestsPerMinute >= 0, nameof(RequestsPerMinute), "must be 0 (no limit) or more");
        Check(TokensPerMinute >= 0, nameof(TokensPerMinute), "must be 0 (no limit) or more");
        Check(MaxRetryAttempts is >= 0 and <= 20, nameof(MaxRetryAttempts), "must be between 0 and 20");
        Check(RetryBaseDelay > TimeSpan.Zero && RetryBaseDelay <= TimeSpan.FromHours(1), nameof(RetryBaseDelay), "must be more than 0 and at most 1h");
        Check(RetryMaxDelay >= RetryBaseDelay && RetryMaxDelay <= TimeSpan.FromHours(1), nameof(RetryMaxDelay), "must be at least RetryBaseDelay and at most 1h");
        Check(BreakerFailureRatio is > 0 and <= 1, nameof(BreakerFailureRatio), "must be more than 0 and at most 1");
        Check(BreakerMinimumThroughput >= 2, nameof(BreakerMinimumThroughput), "must be 2 or more");
        Check(BreakerSamplingDuration >= TimeSpan.FromMilliseconds(500), nameof(BreakerSamplingDuration), "must be at least 500ms");
        Check(BreakerBreakDuration >= TimeSpan.FromMilliseconds(500) && BreakerBreakDuration <= TimeSpan.FromDays(1), nameof(BreakerBreakDuration), "must be between 500ms and 1 day");
        Check(AttemptTimeout >= TimeSpan.FromMilliseconds(10) && AttemptTimeout <= TimeSpan.FromDays(1), nameof(AttemptTimeout), "must be between 10ms and 1 day");
        Check(RateLimitedCallsBeforeDown >= 1, nameof(RateLimitedCallsBeforeDown), "must be 1 or more");
        Check(RateLimitedDownDuration >= TimeSpan.FromMilliseconds(500) && RateLimitedDownDuration <= TimeSpan.FromDays(1), nameof(RateLimitedDownDuration), "must be between 500ms and 1 day");
        Check(TotalTimeout >= AttemptTimeout && TotalTimeout <= TimeSpan.FromDays(1), nameof(TotalTimeout), "must be at least AttemptTimeout and at most 1 day");
        if (problems.Count > 0)
        {
            throw new ProviderConfigurationException("Configuration " + string.Join("; ", problems) + ".");
        }
    }

    private static ProviderResilienceOptions Apply(ProviderResilienceOptions o, IConfigurationSection section)
    {
        string where = section.Path;
        return o with
        {
            MaxConcurrentRequests = Int(section, nameof(MaxConcurrentRequests), where) ?? o.MaxConcurrentRequests,
            RequestsPerMinute = Int(section, nameof(RequestsPerMinute), where) ?? o.RequestsPerMinute,
            TokensPerMinute = Int(section, nameof(TokensPerMinute), where) ?? o.TokensPerMinute,
            MaxRetryAttempts = Int(section, nameof(MaxRetryAttempts), where) ?? o.MaxRetryAttempts,
            RetryBaseDelay = Duration(section, nameof(RetryBaseDelay), where) ?? o.RetryBaseDelay,
            RetryMaxDelay = Duration(section, nameof(RetryMaxDelay), where) ?? o.RetryMaxDelay,
            RetryUseJitter = Bool(section, nameof(RetryUseJitter), where) ?? o.RetryUseJitter,
            BreakerFailureRatio = Double(section, nameof(BreakerFailureRatio), where) ?? o.BreakerFailureRatio,
            BreakerMinimumThroughput = Int(section, nameof(BreakerMinimumThroughput), where) ?? o.BreakerMinimumThroughput,
            BreakerSamplingDuration = Duration(section, nameof(BreakerSamplingDuration), where) ?? o.BreakerSamplingDuration,
            BreakerBreakDuration = Duration(section, nameof(BreakerBreakDuration), where) ?? o.BreakerBreakDuration,
            AttemptTimeout = Duration(section, nameof(AttemptTimeout), where) ?? o.AttemptTimeout,
            TotalTimeout = Duration(section, nameof(TotalTimeout), where) ?? o.TotalTimeout,
            RateLimitedCallsBeforeDown = Int(section, nameof(RateLimitedCallsBeforeDown), where) ?? o.RateLimitedCallsBeforeDown,
            RateLimitedDownDuration = Duration(section, nameof(RateLimitedDownDuration), where) ?? o.RateLimitedDownDuration,
        };
    }

    private static int? Int(IConfigurationSection s, string key, string where) => s[key] is not { Length: > 0 } text
        ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
            ? v
            : throw Bad(where, key, text, "a whole number");

    private static double? Double(IConfigurationSection s, string key, string where) => s[key] is not { Length: > 0 } text
        ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v
            : throw Bad(where, key, text, "a number such as 0.5");

    private static bool? Bool(IConfigurationSection s, string key, string where) => s[key] is not { Length: > 0 } text
        ? null
        : bool.TryParse(text, out bool v)
            ? v
            : throw Bad(where, key, text, "true or false");

    private static TimeSpan? Duration(IConfigurationSection s, string key, string where) => s[key] is not { Length: > 0 } text
        ? null
        : DurationText.TryParse(text, out var v)
            ? v
            : throw Bad(where, key, text, "a duration such as 30s, 2m, 1m30s, 500ms or 00:01:30");

    private static ProviderConfigurationException Bad(string where, string key, string text, string expected) =>
        new($"Configuration {where}:{key} is '{text}': use {expected}.");
}
