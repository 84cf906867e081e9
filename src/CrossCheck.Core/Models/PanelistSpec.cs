namespace CrossCheck.Models;

/// <summary>A panel member: provider + model, with the model family used by the rotation rules.</summary>
public sealed record PanelistSpec(string Provider, string Model, string Family)
{
    /// <summary>The name shown in matrix columns: <c>provider:model</c>.</summary>
    public string Id => $"{Provider}:{Model}";

    public override string ToString() => Id;
}
