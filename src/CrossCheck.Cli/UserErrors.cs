using CrossCheck.Hosting;
using CrossCheck.Ingest;
using CrossCheck.Models;
using CrossCheck.Panel.Providers;
using Microsoft.Extensions.Options;

namespace CrossCheck.Cli;

/// <summary>The errors a user can cause and fix (input, configuration): one line and exit 2, never a stack trace.</summary>
public static class UserErrors
{
    public static string? Describe(Exception e) => e switch
    {
        InputException or ProviderConfigurationException or ConfigurationFileException => e.Message,
        OptionsValidationException v => string.Join(" ", v.Failures),
        _ => null,
    };
}
