using CrossCheck.Ingest;
using CrossCheck.Runs;

namespace CrossCheck.Reports.Html;

/// <summary>
/// Puts the run's sources beside report.html (in <c>sources/</c>) so its "open at page" links
/// (<c>sources/source.pdf#page=3</c>) work from the run folder wherever it is moved.
/// </summary>
internal static class SourceFiles
{
    public const string Folder = "sources";

    /// <summary>Copies or links each source into <c>sources/</c> under <paramref name="reportFolder"/>; returns file name → relative href.</summary>
    public static IReadOnlyDictionary<string, string> Place(string reportFolder, IReadOnlyList<Document> sources, SourceLinkMode mode)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mode == SourceLinkMode.None)
        {
            return links;
        }
        var folder = Path.Combine(reportFolder, Folder);
        foreach (var source in sources.Where(s => File.Exists(s.Path)))
        {
            var name = source.FileName;
            if (links.ContainsKey(name))
            {
                continue; // two sources with one file name: only the first gets a link
            }
            Directory.CreateDirectory(folder);
            var target = Path.Combine(folder, name);
            if (!File.Exists(target) && !Path.Exists(target))
            {
                if (mode == SourceLinkMode.Link)
                {
                    File.CreateSymbolicLink(target, Path.GetFullPath(source.Path));
                }
                else
                {
                    File.Copy(source.Path, target);
                }
            }
            links[name] = Folder + "/" + Uri.EscapeDataString(name);
        }
        return links;
    }

    /// <summary>Hrefs for sources already placed (for rendering a page without touching the disk).</summary>
    public static IReadOnlyDictionary<string, string> Hrefs(IReadOnlyList<Document> sources, SourceLinkMode mode) =>
        mode == SourceLinkMode.None
            ? new Dictionary<string, string>()
            : sources.GroupBy(s => s.FileName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Folder + "/" + Uri.EscapeDataString(g.Key), StringComparer.Ordinal);
}
