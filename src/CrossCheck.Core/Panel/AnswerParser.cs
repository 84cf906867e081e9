using System.Text.Json;
using CrossCheck.Checks;

namespace CrossCheck.Panel;

/// <summary>
/// Reads a model's JSON answer tolerantly (code fences, prose before and after) and checks it
/// against the stage's schema: required properties present, verdicts among the allowed names.
/// </summary>
public static class AnswerParser
{
    /// <summary>At most this many <c>{</c> positions are tried as the start of an answer.</summary>
    private const int MaxCandidates = 256;

    /// <summary>
    /// Tries every balanced <c>{…}</c> in the text, in order, and returns the first that parses as a
    /// JSON object and validates against the stage's schema: prose with braces before the answer
    /// ("{see below}"), an example object, or two objects do not hide a valid answer. When none
    /// validates, the problem of the first object that parsed (else of the first candidate) is given.
    /// </summary>
    public static (JsonElement? Parsed, string? Problem) Parse(string text, string? schema)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "the answer was empty");
        }
        string? firstProblem = null;
        string? firstObjectProblem = null;
        foreach (var json in Candidates(text).Take(MaxCandidates))
        {
            var (parsed, problem) = ParseOne(json, schema, out var wasObject);
            if (parsed is not null)
            {
                return (parsed, null);
            }
            firstProblem ??= problem;
            if (wasObject)
            {
                firstObjectProblem ??= problem;
            }
        }
        return (null, firstObjectProblem ?? firstProblem ?? "the answer held no JSON object");
    }

    private static (JsonElement? Parsed, string? Problem) ParseOne(string json, string? schema, out bool wasObject)
    {
        wasObject = false;
        JsonElement parsed;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            parsed = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (null, $"the JSON did not parse ({e.Message.Split('.')[0]})");
        }
        if (parsed.ValueKind != JsonValueKind.Object)
        {
            return (null, "the answer was not a JSON object");
        }
        wasObject = true;
        var problem = Validate(parsed, schema);
        return problem is null ? (parsed, null) : (null, problem);
    }

    /// <summary>The first balanced {...} of the text, skipping code fences and prose.</summary>
    public static string? ExtractJson(string text) => Candidates(text).FirstOrDefault();

    /// <summary>Every balanced {...} of the text (strings and escapes respected), by start position.</summary>
    public static IEnumerable<string> Candidates(string text)
    {
        for (var start = text.IndexOf('{'); start >= 0; start = text.IndexOf('{', start + 1))
        {
            if (BalancedEnd(text, start) is { } end)
            {
                yield return text[start..(end + 1)];
            }
        }
    }

    private static int? BalancedEnd(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    if (--depth == 0)
                    {
                        return i;
                    }
                    break;
            }
        }
        return null;
    }

    private static string? Validate(JsonElement answer, string? schema)
    {
        if (schema is null)
        {
            return null;
        }
        using var doc = JsonDocument.Parse(schema);
        var root = doc.RootElement;
        if (root.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!answer.TryGetProperty(name, out _))
                {
                    return $"the property \"{name}\" is missing";
                }
            }
        }
        foreach (var name in new[] { "verdict", "proposed_verdict" })
        {
            if (answer.TryGetProperty(name, out var v) && (v.ValueKind != JsonValueKind.String || !VerdictNames.TryParse(v.GetString()!, out var verdict) || verdict == Checks.Verdict.Failed))
            {
                return $"\"{name}\" must be one of supported, partially_supported, contradicted, not_in_source, not_checkable";
            }
        }
        return null;
    }

    public static Verdict? ReadVerdict(JsonElement? parsed, string property) =>
        parsed is { } p && p.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String && VerdictNames.TryParse(v.GetString()!, out var verdict)
            ? verdict
            : null;

    public static IReadOnlyList<Citation> ReadCitations(JsonElement? parsed)
    {
        var citations = new List<Citation>();
        if (parsed is not { } p)
        {
            return citations;
        }
        void Read(JsonElement array)
        {
            foreach (var c in array.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object))
            {
                var quote = c.TryGetProperty("quote", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
                if (string.IsNullOrWhiteSpace(quote))
                {
                    continue;
                }
                var id = c.TryGetProperty("passage_id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
                int? page = c.TryGetProperty("page", out var pg) && pg.ValueKind == JsonValueKind.Number && pg.TryGetInt32(out var n) ? n : null;
                citations.Add(new Citation(id, page, quote));
            }
        }
        if (p.TryGetProperty("citations", out var direct) && direct.ValueKind == JsonValueKind.Array)
        {
            Read(direct);
        }
        if (p.TryGetProperty("challenges", out var challenges) && challenges.ValueKind == JsonValueKind.Array)
        {
            foreach (var ch in challenges.EnumerateArray())
            {
                if (ch.ValueKind == JsonValueKind.Object && ch.TryGetProperty("citations", out var inner) && inner.ValueKind == JsonValueKind.Array)
                {
                    Read(inner);
                }
            }
        }
        return citations;
    }
}
