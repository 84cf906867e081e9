using System.Text.RegularExpressions;

namespace CrossCheck.Tests.Safety;

/// <summary>The README's reliability table names the tests that hold each promise: every one it names must exist and hold tests.</summary>
public sealed partial class ReliabilityTableTests
{
    [Fact]
    public void ReliabilityTable_EveryTestClassItNames_ExistsAndHasTests()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CrossCheck.sln")))
        {
            folder = folder.Parent;
        }
        Assert.NotNull(folder);
        var readme = File.ReadAllText(Path.Combine(folder.FullName, "README.md"));
        var start = readme.IndexOf("## Reliability", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README has no reliability section");
        var end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var table = readme[start..(end < 0 ? readme.Length : end)];

        var named = TestName().Matches(table).Select(m => (Folder: m.Groups[1].Value, Class: m.Groups[2].Value)).Distinct().ToArray();
        Assert.True(named.Length >= 10, $"only {named.Length} test classes named in the reliability table");
        var types = typeof(ReliabilityTableTests).Assembly.GetTypes();
        foreach (var (space, name) in named)
        {
            var type = types.SingleOrDefault(t => t.FullName == $"CrossCheck.Tests.{space}.{name}");
            Assert.True(type is not null, $"the README names {space}/{name}, which does not exist");
            Assert.True(type!.GetMethods().Any(m => m.GetCustomAttributes(typeof(FactAttribute), inherit: true).Length > 0),
                $"{space}/{name} holds no test");
        }
    }

    [GeneratedRegex("`([A-Z][A-Za-z]+)/([A-Z][A-Za-z]+Tests)`")]
    private static partial Regex TestName();
}
