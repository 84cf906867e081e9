using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Server;

/// <summary>A long served run's report is paged (report.html, report-2.html…): every page report.html links to is served as an artifact.</summary>
[Collection("serve")]
public sealed partial class ServeReportPagesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task LongRun_ServesEveryReportPageItsReportLinksTo_AndNoOther()
    {
        var claims = CrossCheck.Reports.Html.ReportPages.ClaimsPerPage + 30;
        var text = new StringBuilder("# A long essay\n\n");
        for (var i = 1; i <= claims; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Evaluation {i} of the Halcyon-3 card reports a refusal rate of {i % 90 + 5}% on test set {i * 7}.\n\n");
        }
        var essay = _temp.Write("essay.md", text.ToString());
        var (_, source) = SampleGenerator.Write(_temp.File("sample"));
        await using var emulator = new ProviderEmulator();
        await using var server = await ServerHarness.StartAsync(_temp.File("data"), emulator.Environment());
        using var alice = server.Client(ServerHarness.AliceToken);

        // No panel: the offline checker alone, which is enough for a paged report.
        var id = await ServeApi.SubmitAsync(alice, essay, source);
        var run = await ServeApi.WaitForAsync(alice, id, ServeApi.Finished, seconds: 300);
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());

        var first = await alice.GetStringAsync($"api/runs/{id}/artifacts/report.html");
        var linked = PageLink().Matches(first).Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.NotEmpty(linked);
        var onDisk = Directory.GetFiles(Path.Combine(server.DataRoot, "runs", id), "report-*.html").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(onDisk, linked.Order().ToArray());
        foreach (var page in linked)
        {
            using var response = await alice.GetAsync($"api/runs/{id}/artifacts/{page}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        // A page the run does not have is not found (not "not finished"); a name outside the pattern is refused the same way.
        foreach (var missing in new[] { $"report-{linked.Length + 2}.html", "report-1.html", "report-x.html", "report-2.html.bak" })
        {
            using var response = await alice.GetAsync($"api/runs/{id}/artifacts/{missing}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{missing}: {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex("""href="(report-\d+\.html)[#"]""")]
    private static partial Regex PageLink();
}
