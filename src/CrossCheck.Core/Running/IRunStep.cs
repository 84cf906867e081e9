namespace CrossCheck.Running;

/// <summary>One named step of a run over its <see cref="RunState"/>: ingest, open, index, claims, grounding, panel, reports.</summary>
public interface IRunStep
{
    string Name { get; }

    Task RunAsync(RunState state, CancellationToken cancellationToken);
}
