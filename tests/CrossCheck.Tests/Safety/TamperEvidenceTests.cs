using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CrossCheck.Safety;
using CrossCheck.Samples;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Safety;

/// <summary>
/// verify-log against the ways a finished run's log can be tampered with at line boundaries or rewritten whole, each
/// with its own message: truncation, records after run_end, a rewrite with recomputed hashes (caught by the published
/// head and by the signature), a changed head in methodology.md, and a log re-signed with another key.
/// </summary>
public sealed class TamperEvidenceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Run()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var result = CliRunner.Run(_temp.Path, "check", essay, "--source", source, "--out", "runs", "--run-id", "t", "--quiet");
        Assert.True(result.ExitCode == 0, result.StdErr);
        return Path.Combine(_temp.Path, "runs", "t");
    }

    private CliRunner.Result Verify(string folder, params string[] extra) =>
        CliRunner.Run(_temp.Path, ["verify-log", folder, .. extra]);

    private static string Log(string folder) => Path.Combine(folder, "provenance.jsonl");

    private static string Head(IEnumerable<string> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.Last())));

    [Fact]
    public void VerifyLog_UntouchedRun_HoldsAndNamesTheSigner()
    {
        var folder = Run();
        var result = Verify(folder);
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        Assert.Contains("signed by key", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("signed (ECDSA-P256-SHA256)", File.ReadAllText(Path.Combine(folder, "methodology.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyLog_TruncatedAtALineBoundary_IsACutTail()
    {
        var folder = Run();
        var lines = File.ReadAllLines(Log(folder));
        File.WriteAllLines(Log(folder), lines[..^2]);
        var result = Verify(folder);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("cut tail", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyLog_RecordAppendedAfterRunEnd_IsReported()
    {
        var folder = Run();
        var lines = File.ReadAllLines(Log(folder)).ToList();
        var extra = JsonNode.Parse(lines[^2])!.AsObject();
        lines.Add(extra.ToJsonString());
        File.WriteAllLines(Log(folder), LogFixtures.Rechain(lines));
        var result = Verify(folder);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("records after run_end", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyLog_RewriteWithRecomputedHashes_DiffersFromThePublishedHead()
    {
        var folder = Run();
        var lines = File.ReadAllLines(Log(folder));
        var forged = LogFixtures.Rechain(lines.Select(l => l.Replace("\"contradicted\"", "\"supported\"", StringComparison.Ordinal)));
        Assert.NotEqual(lines, forged);
        File.WriteAllLines(Log(folder), forged);
        var result = Verify(folder);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("head hash differs from run.json", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyLog_RewriteWithThePublishedHeadsUpdatedToo_FailsTheSignature()
    {
        var folder = Run();
        var lines = File.ReadAllLines(Log(folder));
        var forged = LogFixtures.Rechain(lines.Select(l => l.Replace("\"contradicted\"", "\"supported\"", StringComparison.Ordinal)));
        File.WriteAllLines(Log(folder), forged);
        var oldHead = Head(lines);
        var newHead = Head(forged);
        foreach (var file in new[] { "run.json", "methodology.md" })
        {
            var path = Path.Combine(folder, file);
            File.WriteAllText(path, File.ReadAllText(path).Replace(oldHead, newHead, StringComparison.Ordinal));
        }
        var result = Verify(folder);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("signature invalid", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyLog_ChangedHeadInMethodology_IsReported()
    {
        var folder = Run();
        var head = Head(File.ReadAllLines(Log(folder)));
        var path = Path.Combine(folder, "methodology.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace(head, new string('a', 64), StringComparison.Ordinal));
        var result = Verify(folder);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("differs from methodology.md", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyLog_ResignedWithAnotherKey_FailsAgainstThePinnedKey()
    {
        var folder = Run();
        var export = CliRunner.Run(_temp.Path, "key", "export");
        Assert.Equal(0, export.ExitCode);
        var pinned = _temp.File("pinned.pem");
        File.WriteAllText(pinned, export.StdOut);
        Assert.Equal(0, Verify(folder, "--key", pinned).ExitCode);

        // A forger with their own key rewrites the seal.
        using var other = InstallationKey.LoadOrCreate(_temp.File("forger-key"));
        var runJson = Path.Combine(folder, "run.json");
        var spec = JsonNode.Parse(File.ReadAllText(runJson))!.AsObject();
        var head = spec["log"]!["head_sha256"]!.GetValue<string>();
        var signature = spec["log"]!["signature"]!.AsObject();
        signature["public_key"] = other.PublicKeyPem;
        signature["key_id"] = other.KeyId;
        signature["value"] = other.Sign("t", head);
        File.WriteAllText(runJson, spec.ToJsonString());

        Assert.Equal(0, Verify(folder).ExitCode);
        var result = Verify(folder, "--key", pinned);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("signed by another key", result.StdOut, StringComparison.Ordinal);
    }
}
