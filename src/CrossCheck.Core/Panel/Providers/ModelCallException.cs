using System.ClientModel;
using System.Text.Json;
using Microsoft.SemanticKernel;
using CrossCheck.Models;

namespace CrossCheck.Panel.Providers;

/// <summary>
/// A model call that failed, whatever the SDK underneath threw (SK's HttpOperationException, System.ClientModel's
/// ClientResultException, Anthropic's exceptions, HttpRequestException, JSON errors on a malformed or truncated
/// body). The original is the inner exception. Retrying is not decided here: Polly wraps the HttpClient.
/// </summary>
public sealed class ModelCallException : Exception
{
    public ModelCallException(PanelistSpec panelist, int? statusCode, string message, Exception innerException)
        : base(message, innerException)
    {
        Panelist = panelist;
        StatusCode = statusCode;
    }

    public ModelCallException()
    {
        Panelist = new PanelistSpec("unknown", "unknown", "unknown");
    }

    public ModelCallException(string message)
        : base(message)
    {
        Panelist = new PanelistSpec("unknown", "unknown", "unknown");
    }

    public ModelCallException(string message, Exception innerException)
        : base(message, innerException)
    {
        Panelist = new PanelistSpec("unknown", "unknown", "unknown");
    }

    public PanelistSpec Panelist { get; }

    /// <summary>The HTTP status when the server answered with one; null for network and parse failures.</summary>
    public int? StatusCode { get; }

    /// <summary>
    /// True for a failure another attempt could cure: 408, 429, 5xx (incl. Anthropic's 529), a dropped connection or a
    /// body cut short. A complete body that is not the expected JSON is not transient.
    /// </summary>
    public bool IsTransient => StatusCode is { } status ? status is 408 or 429 or >= 500 : !IsJsonError(InnerException);

    /// <summary>
    /// The same failure with every secret taken out of its message and of its inner exception's message (a gateway
    /// may echo the request's headers in an error body). Status and transience are kept; the original exception,
    /// which may hold the secret, is dropped.
    /// </summary>
    public ModelCallException Redacted(CrossCheck.Safety.SecretRedactor redactor)
    {
        var innerMessage = redactor.Redact(InnerException?.Message);
        Exception inner = IsJsonError(InnerException) ? new JsonException(innerMessage) : new HttpRequestException(innerMessage);
        return new ModelCallException(Panelist, StatusCode, redactor.Redact(Message), inner);
    }

    internal static ModelCallException Wrap(PanelistSpec panelist, Exception e)
    {
        int? status = StatusOf(e);
        string what = status is { } s ? $"HTTP {s}" : e is JsonException ? "unreadable response" : "no response";
        string detail = e.Message.ReplaceLineEndings(" ");
        if (detail.Length > 300)
        {
            detail = detail[..300] + "…";
        }

        return new ModelCallException(panelist, status, $"{panelist.Id}: {what}: {detail}", e);
    }

    private static int? StatusOf(Exception e) => e switch
    {
        HttpOperationException { StatusCode: { } code } => (int)code,
        ClientResultException { Status: > 0 } c => c.Status,
        HttpRequestException { StatusCode: { } code } => (int)code,
        Anthropic.Exceptions.AnthropicApiException a => (int)a.StatusCode,
        _ => e.InnerException is { } inner ? StatusOf(inner) : null,
    };

    private static bool IsJsonError(Exception? e) => e switch
    {
        null => false,
        JsonException => true,
        _ => IsJsonError(e.InnerException),
    };
}
