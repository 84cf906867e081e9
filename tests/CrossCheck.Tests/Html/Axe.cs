namespace CrossCheck.Tests.Html;

/// <summary>
/// axe-core (the npm package's <c>axe.min.js</c>), for the accessibility check of report.html. Looked for at
/// <c>$CROSSCHECK_AXE</c>, then in the cache .ci/run installs it into (<c>$HOME/.cache/crosscheck-axe</c>);
/// install it locally with <c>npm install --prefix ~/.cache/crosscheck-axe axe-core@4</c>.
/// </summary>
public static class Axe
{
    public const string PathVariable = "CROSSCHECK_AXE";

    public static IReadOnlyList<string> Candidates =>
    [
        .. new[] { Environment.GetEnvironmentVariable(PathVariable) }.OfType<string>().Where(p => p.Length > 0),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "crosscheck-axe", "node_modules", "axe-core", "axe.min.js"),
    ];

    public static string? ScriptPath => Candidates.FirstOrDefault(File.Exists);
}

/// <summary>A browser fact that also needs axe-core: skipped with the reason when either is missing, unless CROSSCHECK_REQUIRE_BROWSER=1 (CI), where it fails.</summary>
public sealed class AxeFactAttribute : FactAttribute
{
    public AxeFactAttribute()
    {
        if (Browser.Required)
        {
            return;
        }
        if (Browser.ExecutablePath is null)
        {
            Skip = $"chromium not found (looked for {string.Join(", ", Browser.Candidates)}); install it with `apt-get install -y chromium-headless-shell` (or `chromium`), or set {Browser.RequireVariable}=1 to make this a failure";
        }
        else if (Axe.ScriptPath is null)
        {
            Skip = $"axe-core not found (looked for {string.Join(", ", Axe.Candidates)}); install it with `npm install --prefix ~/.cache/crosscheck-axe axe-core@4` or set {Axe.PathVariable}, or set {Browser.RequireVariable}=1 to make this a failure";
        }
    }
}
