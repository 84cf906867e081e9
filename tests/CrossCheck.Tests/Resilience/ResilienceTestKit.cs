using System.Collections.Concurrent;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using CrossCheck.Resilience;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Providers;
using Microsoft.Extensions.Time.Testing;

namespace CrossCheck.Tests.Resilience;

/// <summary>An emulator, a fake clock, resilient clients recording their events, and a model client factory over them.</summary>
internal sealed class ResilienceTestKit : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Quick retries, no jitter, no client-side limits, a breaker that stays out of the way, generous timeouts.</summary>
    public static readonly ProviderResilienceOptions Quick = new()
    {
        MaxConcurrentRequests = 4,
        RequestsPerMinute = 0,
        TokensPerMinute = 0,
        MaxRetryAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(100),
        RetryMaxDelay = TimeSpan.FromSeconds(10),
        RetryUseJitter = false,
        BreakerMinimumThroughput = 100,
        AttemptTimeout = TimeSpan.FromMinutes(10),
        TotalTimeout = TimeSpan.FromHours(1),
    };

    public ResilienceTestKit(Func<EmulatedRequest, ScriptedReply> script, ProviderResilienceOptions? options = null, TimeProvider? time = null, Func<string, HttpMessageHandler>? transportFor = null)
    {
        Emulator = new ProviderEmulator(script);
        Time = time ?? new FakeTimeProvider(Start);
        Clients = new ProviderHttpClients(_ => options ?? Quick, Time, Events.Enqueue, transportFor);
        Factory = new ModelClientFactory(ProviderRegistry.Create(null, Emulator.Environment(ProviderTestKit.Key)), Time, Clients.ClientFactory);
    }

    public ProviderEmulator Emulator { get; }

    public TimeProvider Time { get; }

    public FakeTimeProvider FakeTime => (FakeTimeProvider)Time;

    public ConcurrentQueue<ResilienceEvent> Events { get; } = new();

    public ProviderHttpClients Clients { get; }

    public ModelClientFactory Factory { get; }

    public IModelClient Client(string provider, string model) =>
        Factory.Create(new PanelistSpec(provider, model, PanelParser.DefaultFamily(provider, model)));

    public IReadOnlyList<ResilienceEvent> Of(ResilienceEventKind kind) => Events.Where(e => e.Kind == kind).ToList();

    /// <summary>
    /// Runs a call while moving the fake clock on by <paramref name="step"/> whenever the call has not finished within a
    /// few real milliseconds, so backoff and server-directed waits pass without real sleeping. With <paramref name="startWhen"/>,
    /// the clock stands still until that holds (e.g. until a wait has been computed from a header carrying a time).
    /// </summary>
    public async Task<T> DriveAsync<T>(Func<Task<T>> call, TimeSpan step, Func<bool>? startWhen = null)
    {
        var task = Task.Run(call);
        for (int i = 0; i < 500 && startWhen is not null && !startWhen() && !task.IsCompleted; i++)
        {
            await Task.Delay(10);
        }

        for (int i = 0; i < 3000 && !task.IsCompleted; i++)
        {
            if (await Task.WhenAny(task, Task.Delay(10)) != task)
            {
                FakeTime.Advance(step);
            }
        }

        return await task;
    }

    public async ValueTask DisposeAsync()
    {
        Clients.Dispose();
        await Emulator.DisposeAsync();
    }
}
