namespace CrossCheck.Server.Api;

/// <summary>Every error the API returns: one line saying what is wrong and what to do.</summary>
public sealed record ApiError(string Error);
