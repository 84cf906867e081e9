namespace CrossCheck.Tests.Html;

/// <summary>
/// A fact that needs Debian's chromium (<c>apt-get install -y chromium</c>). Without it the test is
/// skipped with the reason, unless <c>CROSSCHECK_REQUIRE_BROWSER=1</c> is set (as CI sets it): then
/// the test runs and fails loudly, so a missing browser cannot pass for a green run.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.ExecutablePath is null && !Browser.Required)
        {
            Skip = $"chromium not found (looked for {string.Join(", ", Browser.Candidates)}); install it with `apt-get install -y chromium-headless-shell` (or `chromium`), " +
                $"or set {Browser.RequireVariable}=1 to make this a failure";
        }
    }
}
