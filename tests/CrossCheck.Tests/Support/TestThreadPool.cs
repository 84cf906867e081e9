using System.Runtime.CompilerServices;

namespace CrossCheck.Tests.Support;

/// <summary>
/// The test run's thread pool starts with room for the emulators, process-output readers and in-process runs of the
/// tests running at once (xunit.runner.json): the pool otherwise grows by about one thread a second once its minimum is busy,
/// and on two loaded cores a process's output line or an emulator's answer could wait for a thread for seconds.
/// </summary>
internal static class TestThreadPool
{
    [ModuleInitializer]
    internal static void Widen()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }
}
