namespace CrossCheck.Server.Api;

/// <summary>A submission the server refuses, with the HTTP status to answer (400, 413 or 415) and one clear line.</summary>
public sealed class SubmissionException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
