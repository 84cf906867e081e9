namespace CrossCheck.Models;

/// <summary>
/// Builds a panelist's client from the provider's client and middleware, the way Microsoft.Extensions.AI's
/// <c>ChatClientBuilder.Use</c> does: <see cref="Use"/> adds a decorator, and the first added is the outermost.
/// </summary>
public sealed class ModelClientBuilder(IModelClient inner)
{
    private readonly List<Func<IModelClient, IModelClient>> _layers = [];

    public ModelClientBuilder Use(Func<IModelClient, IModelClient> layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        _layers.Add(layer);
        return this;
    }

    public IModelClient Build()
    {
        var client = inner;
        for (var i = _layers.Count - 1; i >= 0; i--)
        {
            client = _layers[i](client);
        }
        return client;
    }
}
