namespace CrossCheck.Running;

/// <summary>Carries events from a component built before the run (the HTTP pipeline) to the run that logs them.</summary>
public sealed class EventRelay<T>
{
    private Action<T>? _target;

    public void Publish(T value) => Volatile.Read(ref _target)?.Invoke(value);

    public IDisposable Attach(Action<T> target)
    {
        Volatile.Write(ref _target, target);
        return new Detach(this);
    }

    private sealed class Detach(EventRelay<T> relay) : IDisposable
    {
        public void Dispose() => Volatile.Write(ref relay._target, null);
    }
}
