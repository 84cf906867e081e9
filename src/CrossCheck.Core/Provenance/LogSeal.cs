using System.Text.Json;
using System.Text.Json.Nodes;
using CrossCheck.Safety;

namespace CrossCheck.Provenance;

/// <summary>
/// The seal of a finished run's log, kept in run.json under <c>log</c> and quoted in methodology.md: the head hash
/// (SHA-256 of the last record, which is run_end), the record count, and an ECDSA P-256 signature of the head made
/// with the installation's key (<see cref="InstallationKey"/>), with the public key that checks it. What it proves:
/// the log is unchanged since that key signed it. What it does not: that the key's owner was honest.
/// </summary>
public sealed record LogSeal(string HeadSha256, int Records, string? Algorithm, string? KeyId, string? PublicKey, string? Signature)
{
    public bool IsSigned => Signature is not null && PublicKey is not null;

    public static LogSeal Create(string runId, string head, int records, InstallationKey? key) =>
        key is null
            ? new LogSeal(head, records, null, null, null, null)
            : new LogSeal(head, records, InstallationKey.Algorithm, key.KeyId, key.PublicKeyPem, key.Sign(runId, head));

    /// <summary>Adds (or replaces) the <c>log</c> block of a run.json.</summary>
    public static void WriteInto(string runJsonPath, LogSeal seal)
    {
        var node = JsonNode.Parse(File.ReadAllText(runJsonPath))!.AsObject();
        node["log"] = JsonSerializer.SerializeToNode(new
        {
            head_sha256 = seal.HeadSha256,
            records = seal.Records,
            signature = seal.IsSigned
                ? new { algorithm = seal.Algorithm, key_id = seal.KeyId, public_key = seal.PublicKey, value = seal.Signature }
                : null,
        }, ReportJson.Options);
        File.WriteAllText(runJsonPath, node.ToJsonString(ReportJson.Indented));
    }

    /// <summary>The run id and seal of a run.json, or nulls when it has none.</summary>
    public static (string? RunId, LogSeal? Seal) ReadFrom(string runJsonPath)
    {
        if (!File.Exists(runJsonPath))
        {
            return (null, null);
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(runJsonPath));
        }
        catch (JsonException)
        {
            return (null, null);
        }
        var runId = root?["run_id"]?.GetValue<string>();
        if (root?["log"] is not JsonObject log || log["head_sha256"]?.GetValue<string>() is not { } head)
        {
            return (runId, null);
        }
        var signature = log["signature"] as JsonObject;
        return (runId, new LogSeal(
            head,
            log["records"]?.GetValue<int>() ?? 0,
            signature?["algorithm"]?.GetValue<string>(),
            signature?["key_id"]?.GetValue<string>(),
            signature?["public_key"]?.GetValue<string>(),
            signature?["value"]?.GetValue<string>()));
    }
}
