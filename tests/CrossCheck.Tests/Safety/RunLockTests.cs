using CrossCheck.Safety;

namespace CrossCheck.Tests.Safety;

public sealed class RunLockTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cc-lock-").FullName;

    [Fact]
    public void TryAcquire_SecondOwner_IsRefusedWithThePid()
    {
        using var first = RunLock.TryAcquire(_root, "r1", out _);
        Assert.NotNull(first);
        using var second = RunLock.TryAcquire(_root, "r1", out var holder);
        Assert.Null(second);
        Assert.Equal(Environment.ProcessId, holder);
    }

    [Fact]
    public void TryAcquire_AfterRelease_Succeeds()
    {
        RunLock.TryAcquire(_root, "r2", out _)!.Dispose();
        using var again = RunLock.TryAcquire(_root, "r2", out _);
        Assert.NotNull(again);
    }

    [Fact]
    public void TryAcquire_OtherRunIds_AreIndependent()
    {
        using var a = RunLock.TryAcquire(_root, "a", out _);
        using var b = RunLock.TryAcquire(_root, "b", out _);
        Assert.NotNull(a);
        Assert.NotNull(b);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
