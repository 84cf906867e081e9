using CrossCheck.Caching;
using Microsoft.Extensions.Time.Testing;

namespace CrossCheck.Tests.Caching;

/// <summary>A response cache in a fresh temporary folder, removed afterwards.</summary>
internal sealed class TempCache : IDisposable
{
    public TempCache()
    {
        Folder = Directory.CreateTempSubdirectory("crosscheck-cache-").FullName;
        Cache = new ResponseCache(Path.Combine(Folder, "sub", "responses.db"), Time);
    }

    public string Folder { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public ResponseCache Cache { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
