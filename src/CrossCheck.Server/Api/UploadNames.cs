using System.Text;

namespace CrossCheck.Server.Api;

/// <summary>
/// The file name an upload is stored under: only its last segment, only letters, digits, '.', '-', '_' and spaces
/// (anything else becomes '_'), no leading dot, at most 100 characters, and an extension the loader reads. A name
/// taken from a request never reaches the file system any other way.
/// </summary>
public static class UploadNames
{
    public static readonly string[] EssayTypes = [".md", ".markdown", ".txt", ".pdf", ".docx"];
    public static readonly string[] SourceTypes = [".md", ".markdown", ".txt", ".pdf", ".docx", ".html", ".htm"];

    /// <returns>The safe name, or null when the extension is not one of <paramref name="allowed"/>.</returns>
    public static string? Safe(string? uploaded, IReadOnlyCollection<string> allowed, string fallback)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '_');
        }
        var safe = builder.ToString().Trim().TrimStart('.');
        var extension = Path.GetExtension(safe).ToLowerInvariant();
        if (!allowed.Contains(extension))
        {
            return null;
        }
        var stem = Path.GetFileNameWithoutExtension(safe).Trim();
        if (stem.Length == 0)
        {
            stem = fallback;
        }
        return (stem.Length > 90 ? stem[..90] : stem) + extension;
    }
}
