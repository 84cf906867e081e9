using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrossCheck.Checks;
using CrossCheck.Runs;

namespace CrossCheck.Reports.Ci;

/// <summary>
/// Writes the run as SARIF 2.1.0 (OASIS), the format code-scanning tools and pipelines read: one result per problem
/// claim at its essay line and column, the verdict as the rule and its level, the reason and the evidence page in the
/// message. Paths under <c>baseFolder</c> are written relative to it (uriBaseId <c>%SRCROOT%</c>), as GitHub expects.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const string RootId = "%SRCROOT%";

    /// <summary>SARIF's level for a verdict: a contradiction is an error, a missing or partial support a warning, a failed check a note.</summary>
    public static string Level(Verdict verdict) => verdict switch
    {
        Verdict.Contradicted => "error",
        Verdict.NotInSource or Verdict.PartiallySupported => "warning",
        Verdict.Failed => "note",
        _ => "none",
    };

    /// <param name="essayPath">The essay as the user named it; null when it came from stdin.</param>
    public static string Write(RunResult run, string? essayPath, string baseFolder)
    {
        var problems = ProblemClaims.From(run);
        var rules = new JsonArray();
        foreach (var v in ProblemClaims.Verdicts)
        {
            rules.Add(new JsonObject
            {
                ["id"] = v.Name(),
                ["name"] = string.Concat(v.Name().Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
                ["shortDescription"] = new JsonObject { ["text"] = RuleText(v) },
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(v) },
            });
        }
        var essay = essayPath is null ? null : Location(essayPath, baseFolder);
        var textEssay = run.Essay.Kind is not (Ingest.DocumentKind.Pdf or Ingest.DocumentKind.Docx);
        var results = new JsonArray();
        foreach (var p in problems)
        {
            var region = new JsonObject
            {
                ["startLine"] = p.Line,
                ["startColumn"] = p.Column,
                ["endLine"] = p.EndLine,
                ["endColumn"] = p.EndColumn,
                ["snippet"] = new JsonObject { ["text"] = p.Text },
            };
            // A Word or PDF essay has no lines of its own: the line and column are those of its extracted text, so only the snippet is given.
            var physical = new JsonObject { ["region"] = textEssay ? region : new JsonObject { ["snippet"] = new JsonObject { ["text"] = p.Text } } };
            physical["artifactLocation"] = essay?.DeepClone() ?? new JsonObject { ["description"] = new JsonObject { ["text"] = "the essay, read from standard input" } };
            var result = new JsonObject
            {
                ["ruleId"] = p.Verdict.Name(),
                ["ruleIndex"] = ProblemClaims.Verdicts.ToList().IndexOf(p.Verdict),
                ["level"] = Level(p.Verdict),
                ["message"] = new JsonObject { ["text"] = Message(p) },
                ["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical }),
                ["partialFingerprints"] = new JsonObject { ["claimText/v1"] = Fingerprint(p.Text) },
                ["properties"] = new JsonObject
                {
                    ["claimId"] = p.Id,
                    ["verdict"] = p.Verdict.Name(),
                    ["evidenceSource"] = p.EvidenceSource,
                    ["evidencePage"] = p.EvidencePage,
                },
            };
            results.Add(result);
        }
        var runNode = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = "CrossCheck",
                    ["semanticVersion"] = run.ProgramVersion.Split('+')[0],
                    ["rules"] = rules,
                },
            },
            ["automationDetails"] = new JsonObject { ["id"] = $"crosscheck/{run.RunId}" },
            ["originalUriBaseIds"] = new JsonObject { [RootId] = new JsonObject { ["uri"] = new Uri(WithSlash(Path.GetFullPath(baseFolder))).AbsoluteUri } },
            ["invocations"] = new JsonArray(new JsonObject
            {
                ["executionSuccessful"] = true,
                ["commandLine"] = run.Options.CommandLine,
                ["startTimeUtc"] = run.Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
                ["endTimeUtc"] = run.Finished.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            }),
            ["columnKind"] = "utf16CodeUnits",
            ["results"] = results,
            ["properties"] = new JsonObject { ["runFolder"] = run.Folder, ["claims"] = run.Outcomes.Count },
        };
        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(runNode),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static string Message(ProblemClaim p) =>
        $"{p.Id} {p.Verdict.Name()}: {p.ShortReason(400)}" + (p.Evidence is { } e ? $" (evidence: {e})" : " (no evidence passage found in the sources)");

    private static string RuleText(Verdict v) => v switch
    {
        Verdict.Contradicted => "The sources say otherwise.",
        Verdict.NotInSource => "The sources neither support nor refute the claim.",
        Verdict.PartiallySupported => "True in part, or worded more strongly than the evidence.",
        _ => "No usable answer after retries: the claim was not checked.",
    };

    /// <summary>A location relative to <paramref name="baseFolder"/> when the file is under it, else an absolute file URI.</summary>
    private static JsonObject Location(string path, string baseFolder)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Path.GetFullPath(baseFolder), full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return new JsonObject { ["uri"] = new Uri(full).AbsoluteUri };
        }
        var uri = string.Join('/', relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString));
        return new JsonObject { ["uri"] = uri, ["uriBaseId"] = RootId };
    }

    private static string WithSlash(string folder) => folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;

    private static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
