using CrossCheck.Caching;
using CrossCheck.Models;
using CrossCheck.Panel;

namespace CrossCheck.Tests.Caching;

public sealed class CacheKeyTests
{
    private static string Key(
        string provider = "openai", string model = "gpt-4.1", string system = "sys", string user = "user",
        string? schema = "{}", double? temperature = 0, int maxTokens = 300, string version = "v1") =>
        CacheKey.Compute(provider, model, system, user, schema, temperature, maxTokens, version);

    public static TheoryData<string> Variants => new()
    {
        Key(provider: "anthropic"),
        Key(model: "gpt-4.1-mini"),
        Key(system: "sys "),
        Key(user: "user2"),
        Key(schema: null),
        Key(schema: "{\"type\":\"object\"}"),
        Key(temperature: null),
        Key(temperature: 0.2),
        Key(maxTokens: 301),
        Key(version: "v2"),
        Key(system: "sysu", user: "ser"),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Compute_WhenAnyPartChanges_GivesAnotherKey(string variant) => Assert.NotEqual(Key(), variant);

    [Fact]
    public void Compute_IsStableLowerHexSha256()
    {
        Assert.Equal(Key(), Key());
        Assert.Matches("^[0-9a-f]{64}$", Key());
    }

    [Fact]
    public void For_UsesPanelistAndRequestButNotStage()
    {
        var panelist = new PanelistSpec("openai", "gpt-4.1", "openai");
        var request = new ModelRequest("verify", "sys", "user", "{}", 0, 300);

        Assert.Equal(Key(), CacheKey.For(panelist, request, "v1"));
        Assert.Equal(Key(), CacheKey.For(panelist, request with { Stage = "attack" }, "v1"));
    }
}
