namespace CrossCheck.Tests.Ingest;

/// <summary>
/// A fact over the real PDFs in ../shared/datasets/real-pdfs (beside the repository; see its
/// README for the licences). Without that folder the test is skipped and says where it looked.
/// </summary>
public sealed class RealPdfFactAttribute : FactAttribute
{
    public RealPdfFactAttribute()
    {
        if (Folder is null)
        {
            Skip = $"real-pdfs dataset not found (looked for ../shared/datasets/real-pdfs beside the repository root, above {AppContext.BaseDirectory})";
        }
    }

    /// <summary>The dataset folder, found from the test binaries up to the repository root (the folder with CrossCheck.sln), or null.</summary>
    public static string? Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CrossCheck.sln")))
                {
                    var folder = Path.Combine(dir.FullName, "..", "shared", "datasets", "real-pdfs");
                    return File.Exists(Path.Combine(folder, "probes.jsonl")) ? Path.GetFullPath(folder) : null;
                }
            }
            return null;
        }
    }
}
