using CrossCheck.Samples;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.EndToEnd;

/// <summary>A configuration value that does not parse is one line naming the setting and exit 2, never a silent fallback.</summary>
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private CliRunner.Result Check(IReadOnlyDictionary<string, string>? env)
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        return CliRunner.Run(_temp.Path, env, "check", essay, "--source", source, "--out", "runs", "--quiet");
    }

    private void AssertConfigurationError(CliRunner.Result result, params string[] expected)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.StdErr}{result.StdOut}");
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("crosscheck: error: ", line, StringComparison.Ordinal);
        foreach (var text in expected)
        {
            Assert.Contains(text, line, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "runs")), "no run may start on a bad configuration");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("-2")]
    public void Check_WhenMaxCostInConfigurationIsNotAnAmount_NamesTheSettingAndExitsTwo(string value) =>
        AssertConfigurationError(Check(new Dictionary<string, string> { ["CrossCheck__MaxCost"] = value }), "CrossCheck:MaxCost", $"'{value}'");

    [Fact]
    public void Check_WhenRoundsInConfigurationIsNotANumber_NamesTheSettingAndExitsTwo() =>
        AssertConfigurationError(Check(new Dictionary<string, string> { ["CrossCheck__Rounds"] = "two" }), "CrossCheck:Rounds", "'two'");

    [Fact]
    public void Check_WhenAppSettingsIsMalformedJson_NamesTheFileAndExitsTwo()
    {
        Directory.CreateDirectory(_temp.File("config"));
        _temp.Write(Path.Combine("config", "appsettings.json"), "{ \"CrossCheck\": { \"MaxCost\": 2, }");

        AssertConfigurationError(Check(null), "appsettings.json");
    }

    [Fact]
    public void Providers_WhenAppSettingsIsMalformedJson_NamesTheFileAndExitsTwo()
    {
        Directory.CreateDirectory(_temp.File("config"));
        _temp.Write(Path.Combine("config", "appsettings.json"), "{ nope");

        var result = CliRunner.Run(_temp.Path, "providers");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("appsettings.json", Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
