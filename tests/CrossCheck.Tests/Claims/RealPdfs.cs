namespace CrossCheck.Tests.Claims;

/// <summary>Where the shared real-PDF dataset and the regression essays are, found from the test's folder upwards.</summary>
internal static class RealPdfs
{
    public const string Variable = "CROSSCHECK_DATASETS";

    public static string? RepositoryRoot { get; } = FindRoot();

    /// <summary>The real-pdfs folder: $CROSSCHECK_DATASETS/real-pdfs, else ../shared/datasets/real-pdfs beside the repository.</summary>
    public static string? Folder
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(Variable);
            var candidates = new[]
            {
                fromEnvironment is null ? null : Path.Combine(fromEnvironment, "real-pdfs"),
                RepositoryRoot is null ? null : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "datasets", "real-pdfs")),
            };
            return candidates.FirstOrDefault(c => c is not null && Directory.Exists(c));
        }
    }

    public static string Essays => Path.Combine(RepositoryRoot!, "tests", "corpus", "regression");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<CrossCheck.Ingest.Document>> Loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// One of the real PDFs as <see cref="CrossCheck.Ingest.DocumentLoader.LoadSource"/> reads it, with the id asked for. Each
    /// file is read once per test run (the PDF parse is the slow part; several test classes read the same papers) and
    /// each caller gets its own <see cref="CrossCheck.Ingest.Document"/> over the same text, pages and layout.
    /// </summary>
    public static CrossCheck.Ingest.Document Load(string path, string id)
    {
        var read = Loaded.GetOrAdd(Path.GetFullPath(path), p => new Lazy<CrossCheck.Ingest.Document>(() => new CrossCheck.Ingest.DocumentLoader().LoadSource(p, "S1"))).Value;
        var document = new CrossCheck.Ingest.Document(id, read.Path, read.Kind, read.Text, read.Pages, read.Sha256, read.Bytes, read.Asides, read.Headings, read.Notes);
        document.Warnings.AddRange(read.Warnings);
        return document;
    }

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrossCheck.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}

/// <summary>A theory over the real PDFs: skipped, with the reason, where the datasets folder is absent.</summary>
public sealed class RealPdfsTheoryAttribute : TheoryAttribute
{
    public RealPdfsTheoryAttribute()
    {
        if (RealPdfs.Folder is null)
        {
            Skip = $"real-pdfs dataset not found (looked in ../shared/datasets/real-pdfs beside the repository and ${RealPdfs.Variable}/real-pdfs)";
        }
    }
}
