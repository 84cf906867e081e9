using System.Text.Json;
using CrossCheck.Checks;

namespace CrossCheck.Panel;

/// <summary>
/// Reads a model's JSON answer tolerantly (code fences, prose before and after) and checks it
/// against the stage's schema: required properties present, verdicts among the allowed names.
/// </summary>
public static class AnswerParser
{
    public static (JsonElement? Parsed, string? Problem) Parse(string text, string? schema)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "the answer was empty");
        }
        var json = ExtractJson(text);
        if (json is null)
        {
            return (null, "the answer held no JSON object");
        }
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
        var problem = Validate(parsed, schema);
        return problem is null ? (parsed, null) : (null, problem);
    }

    /// <summary>The outermost {...} of the text, skipping code fences and prose.</summary>
    public static string? ExtractJson(string text)
    {
        var start = text.IndexOf('{');
        if (start < 0)
        {
            return null;
        }
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
                        return text[start..(i + 1)];
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
