using System.Net;
using System.Text;
using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Server;

/// <summary>Uploads the server refuses, each with its status (400, 413, 415) and one line saying what to do; nothing is kept of them.</summary>
[Collection("serve")]
public sealed class ServeUploadTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task BadSubmissions_GetTheirStatusAndOneClearLine()
    {
        await using var emulator = new ProviderEmulator();
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        await using var server = await ServerHarness.StartAsync(_temp.File("data"), emulator.Environment(), o => o.MaxUploadMiB = 1);
        using var alice = server.Client(ServerHarness.AliceToken);
        var big = _temp.Write("big.txt", new string('x', 3 * 1024 * 1024));
        var odt = _temp.Write("essay.odt", "PK not really");
        var docx = _temp.Write("essay.docx", "PK not really");
        var fakePdf = _temp.Write("fake.pdf", "this is not a PDF at all");

        await Expect(HttpStatusCode.UnsupportedMediaType, "multipart/form-data", new StringContent("{}", Encoding.UTF8, "application/json"));
        await Expect(HttpStatusCode.UnsupportedMediaType, ".docx", ServeApi.Submission(odt, [source]));
        // A .docx is read as `check` reads it: a damaged one is refused with the loader's own line.
        await Expect(HttpStatusCode.BadRequest, "essay.docx", ServeApi.Submission(docx, [source]));
        await Expect(HttpStatusCode.RequestEntityTooLarge, "MiB", ServeApi.Submission(essay, [big]));
        await Expect(HttpStatusCode.BadRequest, "no source given", ServeApi.Submission(essay, []));
        await Expect(HttpStatusCode.BadRequest, "fake.pdf", ServeApi.Submission(essay, [fakePdf]));
        await Expect(HttpStatusCode.BadRequest, "rounds", ServeApi.Submission(essay, [source], new Dictionary<string, string> { ["rounds"] = "lots" }));
        await Expect(HttpStatusCode.BadRequest, "nosuchprovider", ServeApi.Submission(essay, [source], new Dictionary<string, string> { ["panel"] = "nosuchprovider:model" }));

        Assert.Empty(JsonDocument.Parse(await alice.GetStringAsync("api/runs")).RootElement.EnumerateArray());
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(server.DataRoot, "inputs")));

        async Task Expect(HttpStatusCode status, string mention, HttpContent content)
        {
            using var response = await alice.PostAsync("api/runs", content);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
            var error = JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!;
            Assert.Contains(mention, error, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error);
        }
    }
}
