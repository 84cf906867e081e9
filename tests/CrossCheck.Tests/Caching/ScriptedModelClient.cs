using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;

namespace CrossCheck.Tests.Caching;

/// <summary>A hand-written fake model: answers from a callback and counts calls.</summary>
internal sealed class ScriptedModelClient(Func<ModelRequest, ModelAnswer> answer) : IModelClient
{
    private int _calls;

    public PanelistSpec Panelist { get; } = new("openai", "gpt-4.1", "openai");

    public int Calls => Volatile.Read(ref _calls);

    public Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(answer(request));
    }

    public static ScriptedModelClient Failing() => new(_ =>
        throw new ModelCallException(new PanelistSpec("openai", "gpt-4.1", "openai"), 500, "emulated", new InvalidOperationException()));
}
