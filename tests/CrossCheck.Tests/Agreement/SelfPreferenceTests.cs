using CrossCheck.Agreement;
using CrossCheck.Checks;
using static CrossCheck.Tests.Agreement.Tables;

namespace CrossCheck.Tests.Agreement;

public sealed class SelfPreferenceTests
{
    private static RatingsTable TwoFamilies(params (string Drafter, Verdict? Anthropic, Verdict? OpenAi)[] rows) => new(
        [.. rows.Select((r, i) => new RatedClaim($"c{i}", r.Drafter))],
        [new RatedPanelist("anthropic:claude", "anthropic"), new RatedPanelist("openai:gpt", "openai")],
        [.. rows.Select(r => (IReadOnlyList<Verdict?>)[r.Anthropic, r.OpenAi])]);

    [Fact]
    public void SelfPreference_WhenAFamilySupportsItsOwnDraftsMore_IsPositiveWithCounts()
    {
        var table = TwoFamilies(
            ("anthropic", S, S),
            ("anthropic", S, P),
            ("openai", S, S),
            ("openai", C, S),
            ("openai", X, S),
            ("openai", F, C));

        var figures = SelfPreference.FromTable(table);

        var anthropic = figures.Single(f => f.Family == "anthropic");
        Assert.Equal(new SupportRate(2, 2), anthropic.SameFamily);
        Assert.Equal(new SupportRate(1, 2), anthropic.OtherFamilies);
        Assert.Equal(0.5, anthropic.Difference!.Value, 12);

        var openai = figures.Single(f => f.Family == "openai");
        Assert.Equal(new SupportRate(3, 4), openai.SameFamily);
        Assert.Equal(new SupportRate(1, 2), openai.OtherFamilies);
        Assert.Equal(0.25, openai.Difference!.Value, 12);
    }

    [Fact]
    public void SelfPreference_WithOneFamilyPanel_IsUndefinedWithReason()
    {
        var table = new RatingsTable(
            [new RatedClaim("c0", "openai"), new RatedClaim("c1", "openai")],
            [new RatedPanelist("openai:a", "openai"), new RatedPanelist("openai:b", "openai")],
            [[S, S], [C, S]]);

        var figure = Assert.Single(SelfPreference.FromTable(table));

        Assert.Null(figure.Difference);
        Assert.Equal(new SupportRate(3, 4), figure.SameFamily);
        Assert.Equal(0, figure.OtherFamilies.Verdicts);
        Assert.Null(figure.OtherFamilies.Rate);
        Assert.Contains("another family", figure.UndefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void SelfPreference_Compute_IgnoresOtherFamiliesPanelistsAndUnusableVerdicts()
    {
        var figure = SelfPreference.Compute("google",
        [
            new FamilyVerdict("google", "google", Verdict.Supported),
            new FamilyVerdict("google", "google", Verdict.Failed),
            new FamilyVerdict("xai", "google", Verdict.NotInSource),
            new FamilyVerdict("xai", "google", Verdict.NotCheckable),
            new FamilyVerdict("google", "xai", Verdict.Contradicted),
        ]);

        Assert.Equal(new SupportRate(1, 1), figure.SameFamily);
        Assert.Equal(new SupportRate(0, 1), figure.OtherFamilies);
        Assert.Equal(1.0, figure.Difference!.Value, 12);
    }
}
