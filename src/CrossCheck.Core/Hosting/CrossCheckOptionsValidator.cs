using System.Globalization;
using Microsoft.Extensions.Options;

namespace CrossCheck.Hosting;

/// <summary>Fails start-up (<c>ValidateOnStart</c>) with one line per bad setting, each naming it.</summary>
public sealed class CrossCheckOptionsValidator : IValidateOptions<CrossCheckOptions>
{
    public ValidateOptionsResult Validate(string? name, CrossCheckOptions options)
    {
        var problems = new List<string>(options.Problems);
        var s = CrossCheckOptions.Section;
        if (options.MaxCost is < 0)
        {
            problems.Add($"Configuration {s}:MaxCost is '{options.MaxCost.Value.ToString(CultureInfo.InvariantCulture)}': it must not be negative.");
        }
        if (options.EvidenceTokenBudget <= 0)
        {
            problems.Add($"Configuration {s}:EvidenceTokenBudget is {options.EvidenceTokenBudget}: use a positive number of tokens.");
        }
        if (options.Rounds is < 1 or > 10)
        {
            problems.Add($"Configuration {s}:Rounds is {options.Rounds}: use 1 to 10.");
        }
        if (options.MaxEssayMiB is <= 0 || options.MaxSourceMiB is <= 0)
        {
            problems.Add($"Configuration {s}:Limits: MaxEssayMiB and MaxSourceMiB must be positive.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
