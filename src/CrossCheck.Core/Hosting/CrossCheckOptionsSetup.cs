using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using CrossCheck.Models;

namespace CrossCheck.Hosting;

/// <summary>
/// Reads the <c>CrossCheck</c> section strictly: invariant culture, no thousands separators (so <c>1,5</c> is an
/// error, not 15), and a value that does not parse is recorded as a problem naming the setting instead of being
/// skipped. <see cref="CrossCheckOptionsValidator"/> turns the problems into a start-up failure.
/// </summary>
public sealed class CrossCheckOptionsSetup(IConfiguration configuration) : IConfigureOptions<CrossCheckOptions>
{
    public void Configure(CrossCheckOptions options)
    {
        var section = configuration.GetSection(CrossCheckOptions.Section);
        options.Panel = section["Panel"] ?? options.Panel;
        options.FailOn = section["FailOn"] ?? options.FailOn;
        options.OutputRoot = section["OutputRoot"] is { Length: > 0 } root ? root : options.OutputRoot;
        options.Prompts = section["Prompts"] ?? options.Prompts;
        options.CachePath = section["CachePath"] ?? options.CachePath;
        options.EvidenceTokenBudget = Int(section, "EvidenceTokenBudget", options) ?? options.EvidenceTokenBudget;
        options.Rounds = Int(section, "Rounds", options) ?? options.Rounds;
        options.Extract = Bool(section, "Extract", options) ?? options.Extract;
        options.Preflight = Bool(section, "Preflight", options) ?? options.Preflight;
        options.MaxCost = Money(section, "MaxCost", options) ?? options.MaxCost;
        var limits = section.GetSection("Limits");
        options.MaxEssayMiB = Long(limits, "MaxEssayMiB", options) ?? options.MaxEssayMiB;
        options.MaxSourceMiB = Long(limits, "MaxSourceMiB", options) ?? options.MaxSourceMiB;
        options.MaxClaims = Int(limits, "MaxClaims", options) ?? options.MaxClaims;
        ValidateProviderSections(options);
    }

    /// <summary>Prices and resilience settings are checked now too, so a bad one stops the program before any run starts.</summary>
    private void ValidateProviderSections(CrossCheckOptions options)
    {
        try
        {
            Costs.PriceTable.FromConfiguration(configuration);
        }
        catch (Models.ProviderConfigurationException e)
        {
            options.Problems.Add(e.Message);
        }
        var sections = configuration.GetSection(Resilience.ProviderResilienceOptions.ConfigurationSection).GetChildren()
            .Select(c => c.Key).Where(k => k != Resilience.ProviderResilienceOptions.DefaultSectionName);
        foreach (var provider in Models.ProviderNames.BuiltIn.Concat(sections).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                Resilience.ProviderResilienceOptions.FromConfiguration(configuration, provider);
            }
            catch (Models.ProviderConfigurationException e)
            {
                options.Problems.Add(e.Message);
                break;
            }
        }
    }

    private static int? Int(IConfigurationSection s, string key, CrossCheckOptions o) =>
        s[key] is not { Length: > 0 } text ? null
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v
        : Bad<int>(o, s, key, text, "a whole number");

    private static long? Long(IConfigurationSection s, string key, CrossCheckOptions o) =>
        s[key] is not { Length: > 0 } text ? null
        : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v
        : Bad<long>(o, s, key, text, "a whole number");

    private static bool? Bool(IConfigurationSection s, string key, CrossCheckOptions o) =>
        s[key] is not { Length: > 0 } text ? null
        : bool.TryParse(text, out var v) ? v
        : Bad<bool>(o, s, key, text, "true or false");

    private static decimal? Money(IConfigurationSection s, string key, CrossCheckOptions o) =>
        s[key] is not { Length: > 0 } text ? null
        : decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v
        : Bad<decimal>(o, s, key, text, "an amount in US dollars such as 2.50 (a dot for decimals, no thousands separator)");

    private static T? Bad<T>(CrossCheckOptions o, IConfigurationSection s, string key, string text, string expected)
        where T : struct
    {
        o.Problems.Add($"Configuration {s.Path}:{key} is '{text}': use {expected}.");
        return null;
    }
}
