using System.Text.Json;
using CrossCheck.Checks;
using CrossCheck.Ingest;

namespace CrossCheck.Review;

/// <summary>
/// The small JSON file report.html exports (a static page cannot write): which run it is about, who
/// reviewed, and one entry per claim reviewed.
/// <code>
/// {"format":"crosscheck-decisions","version":1,"run_id":"…","reviewer":"…","exported":"…",
///  "decisions":[{"claim":"C3","decision":"false_alarm","note":"…","verdict":"supported"}]}
/// </code>
/// <c>verdict</c> is optional (see <see cref="HumanVerdict.Of"/>); a <c>note</c> decision needs a note.
/// </summary>
public sealed record DecisionsFile(string RunId, string? Reviewer, IReadOnlyList<DecisionsFile.Entry> Decisions)
{
    public const string Format = "crosscheck-decisions";
    public const int Version = 1;

    public sealed record Entry(string ClaimId, HumanDecisionKind Decision, string? Note, Verdict? Verdict);

    /// <exception cref="InputException">The file is missing, not JSON, or not a decisions file; the message names the problem.</exception>
    public static DecisionsFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the decisions file ({e.Message.TrimEnd('.')}); export it from report.html with \"Export decisions\".", e);
        }
        try
        {
            return Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not a JSON decisions file ({e.Message.TrimEnd('.')}); export it from report.html with \"Export decisions\".", e);
        }
        catch (FormatException e)
        {
            throw new InputException($"{path}: {e.Message}", e);
        }
    }

    /// <exception cref="JsonException">Not JSON.</exception>
    /// <exception cref="FormatException">JSON, but not a valid decisions file.</exception>
    public static DecisionsFile Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || String(root, "format") != Format)
        {
            throw new FormatException($"not a CrossCheck decisions file (\"format\" must be \"{Format}\"); export it from report.html with \"Export decisions\".");
        }
        if (!root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || v.GetInt32() != Version)
        {
            throw new FormatException($"decisions file version {(root.TryGetProperty("version", out var given) ? given.GetRawText() : "missing")} is not one this build reads (it reads {Version}).");
        }
        var runId = String(root, "run_id") is { Length: > 0 } id ? id : throw new FormatException("the decisions file names no \"run_id\".");
        if (!root.TryGetProperty("decisions", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("the decisions file has no \"decisions\" array.");
        }
        var entries = new List<Entry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, index) in list.EnumerateArray().Select((e, i) => (e, i + 1)))
        {
            var claim = item.ValueKind == JsonValueKind.Object ? String(item, "claim") : null;
            if (string.IsNullOrWhiteSpace(claim))
            {
                throw new FormatException($"decision {index} names no \"claim\".");
            }
            if (!HumanDecisionNames.TryParse(String(item, "decision"), out var kind))
            {
                throw new FormatException($"decision {index} ({claim}): \"decision\" must be agree, false_alarm, fixed or note, not \"{String(item, "decision")}\".");
            }
            var note = String(item, "note") is { } n && n.Trim().Length > 0 ? n.Trim() : null;
            if (kind == HumanDecisionKind.Note && note is null)
            {
                throw new FormatException($"decision {index} ({claim}): a note decision needs a \"note\".");
            }
            Verdict? verdict = null;
            if (String(item, "verdict") is { Length: > 0 } named)
            {
                verdict = VerdictNames.TryParse(named, out var parsed) ? parsed
                    : throw new FormatException($"decision {index} ({claim}): unknown verdict \"{named}\"; use one of {string.Join(", ", VerdictNames.All.Select(x => x.Name()))}.");
            }
            if (!seen.Add(claim))
            {
                throw new FormatException($"decision {index}: claim {claim} is decided twice in one file.");
            }
            entries.Add(new Entry(claim, kind, note, verdict));
        }
        return new DecisionsFile(runId, String(root, "reviewer") is { Length: > 0 } r ? r.Trim() : null, entries);
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
