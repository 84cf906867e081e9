namespace CrossCheck.Server;

/// <summary>The one page <c>serve</c> serves at /: upload, runs with progress, open a report (Web/index.html, embedded).</summary>
public static class WebPage
{
    public static string Html { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(WebPage).Assembly.GetManifestResourceStream("CrossCheck.Server.Web.index.html")
            ?? throw new InvalidOperationException("the web page is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
