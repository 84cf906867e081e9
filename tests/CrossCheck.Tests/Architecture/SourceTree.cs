using System.Text.RegularExpressions;

namespace CrossCheck.Tests.Architecture;

/// <summary>The program's source files, found from the test's output folder up to the repository root.</summary>
internal static partial class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string Core => Path.Combine(Root, "src", "CrossCheck.Core");

    public static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The top-level area a file belongs to, by its namespace: <c>CrossCheck.Panel.Providers</c> → <c>Panel</c>.</summary>
    public static string? Area(string text) => NamespaceLine().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Every other area a file uses: <c>using CrossCheck.X</c> directives and qualified <c>CrossCheck.X.</c> or <c>X.Type</c> references.</summary>
    public static IEnumerable<string> Uses(string text, IReadOnlySet<string> areas)
    {
        var code = Comment().Replace(text, "");
        foreach (Match m in UsingOrQualified().Matches(code))
        {
            yield return m.Groups[1].Value;
        }
        foreach (Match m in ShortQualified().Matches(code))
        {
            if (areas.Contains(m.Groups[1].Value))
            {
                yield return m.Groups[1].Value;
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrossCheck.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("CrossCheck.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^namespace CrossCheck\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"\bCrossCheck\.(\w+)")]
    private static partial Regex UsingOrQualified();

    [GeneratedRegex(@"(?<![\w.])([A-Z]\w+)\.[A-Z]\w*")]
    private static partial Regex ShortQualified();

    [GeneratedRegex(@"//.*$|""(?:[^""\\\n]|\\.)*""", RegexOptions.Multiline)]
    private static partial Regex Comment();
}
