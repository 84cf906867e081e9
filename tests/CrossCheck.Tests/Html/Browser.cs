using Microsoft.Playwright;

namespace CrossCheck.Tests.Html;

/// <summary>
/// Launches the system's chromium through Playwright with the flags of STACK.md; never downloads a browser. Debian's
/// chromium-headless-shell comes first when installed: the same Blink as the full browser, in the headless shell that
/// Playwright itself runs for headless tests, at about half the full browser's CPU per page (a script opening the
/// sample's report: 0.47 against 1.06 CPU-seconds for each further page, 3.1 against 4.8 for starting and the first
/// page with the script's own .NET and node; docs/benchmarks.md §10). The full chromium is used when it is the only one.
/// </summary>
public static class Browser
{
    public const string RequireVariable = "CROSSCHECK_REQUIRE_BROWSER";

    public static readonly IReadOnlyList<string> Candidates =
        ["/usr/lib/chromium/chromium-headless-shell", "/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    public static string? ExecutablePath => Candidates.FirstOrDefault(File.Exists);

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> Shared = new(StartSharedAsync);

    /// <summary>
    /// One chromium for every browser test of this test run (Playwright's advice: reuse the browser, isolate each test in
    /// its own context). A test opens its own <see cref="IBrowserContext"/> and disposes it; it never closes this browser.
    /// Starting Playwright's driver and chromium costs seconds of CPU, paid here once instead of once per test.
    /// </summary>
    public static async Task<IBrowser> SharedAsync() => (await Shared.Value).Browser;

    private static async Task<(IPlaywright, IBrowser)> StartSharedAsync()
    {
        var started = await LaunchAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                started.Browser.CloseAsync().Wait(TimeSpan.FromSeconds(10));
            }
            catch (AggregateException)
            {
            }
            started.Playwright.Dispose();
        };
        return started;
    }

    private static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var path = ExecutablePath ?? throw new InvalidOperationException(
            $"{RequireVariable}=1 but chromium is not installed (looked for {string.Join(", ", Candidates)}); run `apt-get install -y chromium-headless-shell` (or `chromium`).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
        });
        return (playwright, browser);
    }

    public static string FileUrl(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
