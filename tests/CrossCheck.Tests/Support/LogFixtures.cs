using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrossCheck.Tests.Emulator;

namespace CrossCheck.Tests.Support;

/// <summary>What tests read from or do to a run's provenance.jsonl: which calls it recorded, and a forger's rewrite.</summary>
internal static class LogFixtures
{
    /// <summary>A request as the emulator saw it: provider and last user message. A request cut off by a kill arrives with a torn body and no messages; it was never answered, so never recorded.</summary>
    public static string Key(EmulatedRequest r) => r.Provider + "\n" + (r.Messages.LastOrDefault(m => m.Role == "user")?.Content ?? "\0torn request");

    /// <summary>The <see cref="Key"/> of every call the log recorded with an answer (torn lines skipped).</summary>
    public static HashSet<string> RecordedUserContents(string log)
    {
        var keys = new HashSet<string>();
        foreach (var line in File.ReadAllLines(log).Where(l => l.Contains("\"model_call\"", StringComparison.Ordinal)))
        {
            JsonElement data;
            try
            {
                data = JsonDocument.Parse(line).RootElement.GetProperty("data");
            }
            catch (JsonException)
            {
                continue;
            }
            if (data.TryGetProperty("response", out _))
            {
                var provider = data.GetProperty("provider").GetString() switch { "google" => "gemini", var p => p };
                keys.Add(provider + "\n" + data.GetProperty("user_content").GetString());
            }
        }
        return keys;
    }

    /// <summary>Rewrites every line's prev and seq so the chain holds again (what a careful forger does).</summary>
    public static string[] Rechain(IEnumerable<string> lines)
    {
        var previous = new string('0', 64);
        var output = new List<string>();
        foreach (var (line, seq) in lines.Select((l, i) => (l, i)))
        {
            var node = JsonNode.Parse(line)!.AsObject();
            node["prev"] = previous;
            node["seq"] = seq;
            var text = node.ToJsonString();
            previous = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            output.Add(text);
        }
        return [.. output];
    }
}
