namespace CrossCheck.Models;

/// <summary>
/// A provider or panel problem the user can fix (missing key, unknown provider, bad panel text).
/// <see cref="Exception.Message"/> is one line meant to be shown as it is, without a stack trace.
/// </summary>
public sealed class ProviderConfigurationException : Exception
{
    public ProviderConfigurationException(string message)
        : base(message)
    {
    }

    public ProviderConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProviderConfigurationException()
    {
    }
}
