namespace CrossCheck.Checks;

/// <summary>
/// Independent work items computed on several threads and consumed in index order on the calling thread: the
/// result of item i is handed to <c>consume</c> only after every item before it, so whatever the consumer writes
/// (log records, progress) comes out exactly as a sequential loop would write it, while the workers run ahead.
/// The consumer's own waits (a log's flush to disk) overlap the workers' computing.
/// </summary>
public static class OrderedParallel
{
    /// <summary>The threads a degree of 0 or less means: one per core.</summary>
    public static int Degree(int requested) => requested > 0 ? requested : Environment.ProcessorCount;

    /// <param name="count">Items 0 … count-1.</param>
    /// <param name="degree">Worker threads (0: one per core); 1 runs every item on the calling thread in order.</param>
    /// <param name="work">Computes one item; must not depend on the others.</param>
    /// <param name="consume">Called on the calling thread in index order.</param>
    public static void Run<T>(int count, int degree, Func<int, T> work, Action<int, T> consume, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(consume);
        degree = Math.Min(Degree(degree), count);
        if (degree <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                consume(i, work(i));
            }
            return;
        }
        var results = new T[count];
        var done = new bool[count];
        var gate = new object();
        var next = -1;
        Exception? failure = null;
        var failedAt = int.MaxValue;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = new Task[degree];
        for (var w = 0; w < degree; w++)
        {
            workers[w] = Task.Factory.StartNew(() =>
            {
                int i;
                while (!stop.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < count)
                {
                    try
                    {
                        var result = work(i);
                        lock (gate)
                        {
                            results[i] = result;
                            done[i] = true;
                            Monitor.PulseAll(gate);
                        }
                    }
                    catch (Exception e)
                    {
                        lock (gate)
                        {
                            if (i < failedAt)
                            {
                                (failedAt, failure) = (i, e);
                            }
                            Monitor.PulseAll(gate);
                        }
                        stop.Cancel();
                        return;
                    }
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        try
        {
            for (var i = 0; i < count; i++)
            {
                lock (gate)
                {
                    // A failed item stops the run once every item before it has been consumed, as in a sequential loop.
                    while (!done[i] && i < failedAt && !cancellationToken.IsCancellationRequested)
                    {
                        Monitor.Wait(gate, 100);
                    }
                    if (!done[i])
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure!).Throw();
                    }
                }
                consume(i, results[i]);
                results[i] = default!;
            }
        }
        finally
        {
            stop.Cancel();
            Task.WaitAll(workers.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)).ToArray());
        }
    }
}
