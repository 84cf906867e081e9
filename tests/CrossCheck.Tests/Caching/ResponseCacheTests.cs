using CrossCheck.Caching;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Providers;
using static CrossCheck.Tests.Providers.ProviderTestKit;

namespace CrossCheck.Tests.Caching;

public sealed class ResponseCacheTests
{
    private static readonly ModelAnswer Answer = new("""{"verdict":"supported"}""", 120, 30, "gpt-4.1-2026-01-01", TimeSpan.FromSeconds(3));

    [Fact]
    public async Task Complete_WhenSameRequestTwice_SecondMakesNoRequestAndReturnsSameText()
    {
        using var temp = new TempCache();
        await using var emulator = new ProviderEmulator(_ => ScriptedReply.Answer("cached verdict", 99, 11));
        var client = new CachingModelClient(ProviderTestKit.Client(emulator, "openai", "gpt-4.1"), temp.Cache, promptVersion: _ => "verify@1");

        var first = await client.CompleteWithCacheInfoAsync(Request, CancellationToken.None);
        var second = await client.CompleteWithCacheInfoAsync(Request, CancellationToken.None);

        Assert.Single(emulator.Requests);
        Assert.False(first.CacheHit);
        Assert.True(second.CacheHit);
        Assert.Equal(first.Key, second.Key);
        Assert.Equal("cached verdict", second.Answer.Text);
        Assert.Equal((99, 11), (second.Answer.InputTokens, second.Answer.OutputTokens));
        Assert.Equal(first.Answer.ModelVersion, second.Answer.ModelVersion);
        Assert.Equal(TimeSpan.Zero, second.Answer.Latency);
        Assert.Equal(temp.Time.GetUtcNow(), second.CachedAt);
    }

    [Fact]
    public async Task CompleteAsync_WhenServedFromCache_CanBeToldApartByWasCacheHit()
    {
        using var temp = new TempCache();
        var inner = new ScriptedModelClient(_ => Answer);
        var client = new CachingModelClient(inner, temp.Cache);

        var fresh = await client.CompleteAsync(Request, CancellationToken.None);
        var cached = await client.CompleteAsync(Request, CancellationToken.None);

        Assert.Equal(1, inner.Calls);
        Assert.False(CachingModelClient.WasCacheHit(fresh));
        Assert.True(CachingModelClient.WasCacheHit(cached));
        Assert.Equal(Answer with { Latency = TimeSpan.Zero, Origin = "cache" }, cached);
    }

    [Fact]
    public async Task Complete_WhenModelFails_NothingIsCachedAndTheNextCallReachesTheModel()
    {
        using var temp = new TempCache();
        int n = 0;
        await using var emulator = new ProviderEmulator(_ => Interlocked.Increment(ref n) == 1 ? ScriptedReply.Fault(500) : ScriptedReply.Answer("fine"));
        var client = new CachingModelClient(ProviderTestKit.Client(emulator, "anthropic", "claude-opus-4-6"), temp.Cache);

        await Assert.ThrowsAsync<ModelCallException>(() => client.CompleteAsync(Request, CancellationToken.None));
        Assert.Equal(0, temp.Cache.GetStats().Entries);
        var answer = await client.CompleteAsync(Request, CancellationToken.None);

        Assert.Equal("fine", answer.Text);
        Assert.Equal(2, emulator.Requests.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    public async Task Complete_WhenAnswerIsEmpty_IsNotCached(string text)
    {
        using var temp = new TempCache();
        var inner = new ScriptedModelClient(_ => Answer with { Text = text });
        var client = new CachingModelClient(inner, temp.Cache);

        await client.CompleteAsync(Request, CancellationToken.None);
        await client.CompleteAsync(Request, CancellationToken.None);

        Assert.Equal(2, inner.Calls);
        Assert.Equal(0, temp.Cache.GetStats().Entries);
    }

    [Fact]
    public async Task Complete_WhenModeIsOff_NeitherReadsNorWrites()
    {
        using var temp = new TempCache();
        var inner = new ScriptedModelClient(_ => Answer);
        await new CachingModelClient(inner, temp.Cache).CompleteAsync(Request, CancellationToken.None);
        var off = new CachingModelClient(inner, temp.Cache, CacheMode.Off);

        var a = await off.CompleteWithCacheInfoAsync(Request, CancellationToken.None);
        await off.CompleteAsync(Request with { UserContent = "other" }, CancellationToken.None);

        Assert.False(a.CacheHit);
        Assert.Equal(3, inner.Calls);
        Assert.Equal(1, temp.Cache.GetStats().Entries);
        Assert.Equal(CacheMode.Off, new CachingModelClient(inner, cache: null, CacheMode.Off).Mode);
    }

    [Fact]
    public async Task Complete_WhenModeIsWriteOnly_CallsTheModelAndRefreshesTheEntry()
    {
        using var temp = new TempCache();
        int n = 0;
        var inner = new ScriptedModelClient(_ => Answer with { Text = "answer " + Interlocked.Increment(ref n) });
        await new CachingModelClient(inner, temp.Cache).CompleteAsync(Request, CancellationToken.None);

        await new CachingModelClient(inner, temp.Cache, CacheMode.WriteOnly).CompleteAsync(Request, CancellationToken.None);
        var read = await new CachingModelClient(inner, temp.Cache).CompleteAsync(Request, CancellationToken.None);

        Assert.Equal(2, inner.Calls);
        Assert.Equal("answer 2", read.Text);
    }

    [Fact]
    public async Task Cache_WhenReopened_StillHasTheEntries_AndClearEmptiesIt()
    {
        using var temp = new TempCache();
        var panelist = new PanelistSpec("openai", "gpt-4.1", "openai");
        await temp.Cache.PutAsync("k1", panelist, Answer, CancellationToken.None);
        await temp.Cache.PutAsync("k2", panelist, Answer with { Text = "ünïcode" }, CancellationToken.None);

        var reopened = new ResponseCache(temp.Cache.Path);
        var stats = reopened.GetStats();
        Assert.Equal(2, stats.Entries);
        Assert.Equal(Answer.Text.Length + "ünïcode"u8.Length, stats.TextBytes);
        Assert.True(stats.FileBytes > 0);
        Assert.Equal("ünïcode", (await reopened.TryGetAsync("k2", CancellationToken.None))!.Text);

        Assert.Equal(2, reopened.Clear());

        Assert.Equal(0, temp.Cache.GetStats().Entries);
        Assert.Null(await temp.Cache.TryGetAsync("k1", CancellationToken.None));
    }

    [Fact]
    public void DefaultPath_FollowsXdgCacheHomeThenHome()
    {
        Assert.Equal(Path.Combine("/x/cache", "crosscheck", "responses.db"),
            ResponseCache.DefaultPath(n => n == "XDG_CACHE_HOME" ? "/x/cache" : "/home/u"));
        Assert.Equal(Path.Combine("/home/u", ".cache", "crosscheck", "responses.db"),
            ResponseCache.DefaultPath(n => n == "HOME" ? "/home/u" : null));
    }
}
