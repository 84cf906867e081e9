using System.Security.Cryptography;
using CrossCheck.Ingest;

namespace CrossCheck.Cli;

/// <summary>
/// An essay read from standard input ('-'), saved as <c>stdin.md</c> or <c>stdin.txt</c> in a temporary folder named
/// by its SHA-256, so the run reads it like any file and an interrupted run of the same text resumes.
/// </summary>
public sealed class StdinEssay : IDisposable
{
    private StdinEssay(string path) => Path = path;

    public string Path { get; }

    public static StdinEssay Read(Stream stdin, string? format)
    {
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            throw new InputException("-: nothing came on standard input; pipe the essay in (e.g. cat draft.md | crosscheck check - --source report.pdf).");
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crosscheck-stdin", hash);
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, "stdin." + (format?.ToLowerInvariant() ?? "md"));
        File.WriteAllBytes(path, bytes);
        return new StdinEssay(path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
        }
        catch (IOException)
        {
            // A temporary copy left behind is harmless; the run itself is already written.
        }
    }
}
