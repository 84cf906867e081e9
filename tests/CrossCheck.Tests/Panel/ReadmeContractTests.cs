using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using CrossCheck.Checks;
using CrossCheck.Cli;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using CrossCheck.Reports;
using CrossCheck.Resilience;
using CrossCheck.Tests.Architecture;
using static CrossCheck.Tests.Panel.PanelFixtures;

namespace CrossCheck.Tests.Panel;

/// <summary>
/// Issue 9: the README's verdict-policy table, exit codes and timeouts are read from README.md and held against the
/// code (<see cref="VerdictPolicy"/>, <see cref="ExitCodes"/>, <see cref="ProviderResilienceOptions.Defaults"/>), so
/// neither can change without the other.
/// </summary>
public sealed partial class ReadmeContractTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(SourceTree.Root, "README.md"));

    /// <summary>One situation per row of the README's table, built from hand-made answers (test fixtures).</summary>
    private static readonly Dictionary<int, (PanelAnswer[] Verify, PanelAnswer[] Reconcile, GroundingResult Mechanical)> Situations = new()
    {
        [1] = ([Vote(A, Verdict.Contradicted), Vote(O, Verdict.Contradicted), Vote(G, Verdict.PartiallySupported)], [Vote(X, Verdict.Contradicted, stage: "Reconcile")], Grounding(Verdict.NotInSource)),
        [2] = ([Vote(A, Verdict.NotCheckable), Vote(O, null)], [Vote(G, Verdict.PartiallySupported, stage: "Reconcile")], Grounding(Verdict.NotInSource)),
        [3] = ([Vote(A, Verdict.Contradicted), Vote(O, Verdict.Contradicted), Vote(G, Verdict.Contradicted)], [Vote(X, Verdict.Supported, verifiedCitation: true, stage: "Reconcile")], Grounding(Verdict.Supported)),
        [4] = ([Vote(A, Verdict.Contradicted), Vote(O, Verdict.Contradicted), Vote(G, Verdict.Contradicted)], [Vote(X, Verdict.Supported, misplacedCitation: true, stage: "Reconcile")], Grounding(Verdict.Supported)),
        [5] = ([Vote(A, Verdict.Contradicted), Vote(O, Verdict.Contradicted), Vote(G, Verdict.PartiallySupported)], [Vote(X, Verdict.NotCheckable, stage: "Reconcile")], Grounding(Verdict.NotInSource)),
        [6] = ([Vote(A, null), Vote(O, Verdict.NotCheckable)], [Vote(X, null, stage: "Reconcile")], Grounding(Verdict.NotInSource, absentQuote: true)),
        [7] = ([Vote(A, Verdict.NotCheckable), Vote(O, Verdict.NotCheckable)], [Vote(X, Verdict.NotCheckable, stage: "Reconcile")], Grounding(Verdict.Supported)),
        [8] = ([Vote(A, null), Vote(O, null)], [Vote(X, null, stage: "Reconcile")], Grounding(Verdict.Supported)),
        [9] = ([Vote(A, Verdict.Supported), Vote(O, Verdict.Supported), Vote(G, Verdict.Supported)], [Vote(X, Verdict.Supported, stage: "Reconcile")], Grounding(Verdict.Supported)),
        [10] = ([Vote(A, Verdict.Supported, verifiedCitation: true), Vote(O, Verdict.Supported, verifiedCitation: true)], [Vote(X, Verdict.Supported, verifiedCitation: true, stage: "Reconcile")], Grounding(Verdict.Contradicted, numberConflict: true)),
    };

    [Fact]
    public void VerdictPolicyTable_EveryRowDescribesWhatVerdictPolicyDecides()
    {
        var rows = Table("| # | situation | final verdict | flag |");
        Assert.Equal(Situations.Keys.Order(), rows.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)));
        foreach (var row in rows)
        {
            var (verify, reconcile, mechanical) = Situations[int.Parse(row[0], CultureInfo.InvariantCulture)];
            var final = VerdictPolicy.Decide(verify, reconcile, mechanical);
            var (said, flag) = (row[2], row[3]);
            var why = $"row {row[0]} ({row[1]}): decided {final.Verdict.Name()} from '{final.From}'";
            var expected = said switch
            {
                "the reconciler's" => reconcile.Last().Verdict,
                "the verify majority" => VerdictPolicy.Majority(verify),
                _ when said.StartsWith("the grounding checker's", StringComparison.Ordinal) => final.Verdict,
                _ => VerdictNames.All.Single(v => said == $"`{v.Name()}`"),
            };
            Assert.True(expected == final.Verdict, why);
            if (said.StartsWith("the grounding checker's", StringComparison.Ordinal))
            {
                // "at least `not_in_source` / `contradicted`": the verdict is one the row names, and no milder than the checker's.
                Assert.True(Backticked(said).Contains(final.Verdict.Name()), why);
                Assert.True(final.Verdict.Severity() >= mechanical.Verdict.Severity(), why);
            }
            foreach (var quoted in Quoted(flag))
            {
                Assert.True(final.From.Contains(quoted, StringComparison.Ordinal), $"{why}: the flag \"{quoted}\" is missing");
            }
            Assert.True(flag.StartsWith("`overruled`", StringComparison.Ordinal) == final.Overruled, why);
            if (flag == "flagged")
            {
                Assert.True(final.Flags.Count > 0, why);
            }
            if (flag == "—")
            {
                Assert.False(Regex.IsMatch(final.From, "overruled|refused|capped|failed"), why);
            }
        }
    }

    [Fact]
    public void ExitCodeTable_ListsExactlyTheCodesTheProgramDefines_AndTheHelpNamesEach()
    {
        var documented = Table("| code | meaning |").Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).ToArray();
        var defined = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int)).Select(f => (int)f.GetRawConstantValue()!).ToArray();

        Assert.Equal(defined.Order(), documented.Order());
        Assert.All(defined, code => Assert.Contains($"{code} ", ExitCodes.Help, StringComparison.Ordinal));
        var share = PanelistUsage.DegradedFailureShare.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
        var degraded = Table("| code | meaning |").Single(r => r[0] == ExitCodes.PanelDegraded.ToString(CultureInfo.InvariantCulture));
        Assert.Contains($"more than {share} of its calls", degraded[1], StringComparison.Ordinal);
        Assert.Contains($"failed more than {share} of its calls (else exit {ExitCodes.PanelDegraded})", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeoutTable_GivesEachProvidersDefaults()
    {
        var rows = Table("| provider | attempt timeout | total timeout | retries after the first attempt |");
        Assert.Equal(ProviderNames.BuiltIn.Order(StringComparer.Ordinal), rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var defaults = ProviderResilienceOptions.Defaults(row[0]);
            Assert.Equal(Minutes(defaults.AttemptTimeout), row[1]);
            Assert.Equal(Minutes(defaults.TotalTimeout), row[2]);
            Assert.Equal(defaults.MaxRetryAttempts.ToString(CultureInfo.InvariantCulture), row[3]);
        }
        var cloud = new ProviderResilienceOptions();
        Assert.Contains($"`RateLimitedCallsBeforeDown` ({cloud.RateLimitedCallsBeforeDown})", Readme, StringComparison.Ordinal);
        Assert.Contains($"`RateLimitedDownDuration`, {Minutes(cloud.RateLimitedDownDuration)}", Readme, StringComparison.Ordinal);
        Assert.Contains($"a {ModelClientFactory.AnthropicSdkTimeout.TotalHours:0}-hour one", Readme, StringComparison.Ordinal);
        Assert.Contains($"`x-stainless-timeout` header says {ModelClientFactory.AnthropicSdkTimeout.TotalSeconds:0}", Readme, StringComparison.Ordinal);
    }

    private static string Minutes(TimeSpan span) => $"{span.TotalMinutes:0} min";

    /// <summary>The rows of the README table whose header line is <paramref name="header"/>: cells trimmed, without the outer pipes.</summary>
    private static List<string[]> Table(string header)
    {
        var lines = Readme.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.IndexOf(header);
        Assert.True(start >= 0, $"README.md has no table headed {header}");
        return lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
    }

    private static IEnumerable<string> Quoted(string text) => QuotedText().Matches(text).Select(m => m.Groups[1].Value);

    private static string[] Backticked(string text) => BacktickedText().Matches(text).Select(m => m.Groups[1].Value).ToArray();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedText();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex BacktickedText();
}
