namespace CrossCheck.Models;

/// <summary>
/// The one small port for "ask a model". Semantic Kernel and the provider SDKs live behind it;
/// cache, provenance and resilience wrap it.
/// </summary>
public interface IModelClient
{
    /// <summary>The panelist this client speaks for.</summary>
    PanelistSpec Panelist { get; }

    Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken);
}
