using System.Text.Json;

namespace CrossCheck.Tests.Html;

/// <summary>
/// A small JSON Schema (draft 2020-12) checker for the keywords docs/schemas uses: type, required,
/// properties, additionalProperties, items, enum, const, $ref to #/$defs and anyOf. With
/// <c>strict</c>, a property an object schema does not declare is reported too, so a field a writer
/// adds without documenting it fails the test while the published schema stays open to readers.
/// </summary>
public sealed class SchemaCheck(JsonElement schema, bool strict)
{
    private readonly List<string> _errors = [];

    public static IReadOnlyList<string> Validate(string schemaPath, string documentPath, bool strict = true)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(schemaPath));
        using var document = JsonDocument.Parse(File.ReadAllText(documentPath));
        var check = new SchemaCheck(schema.RootElement, strict);
        check.Check(schema.RootElement, document.RootElement, "$");
        return check._errors;
    }

    private void Check(JsonElement s, JsonElement value, string at)
    {
        if (s.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!;
            const string Prefix = "#/$defs/";
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !schema.GetProperty("$defs").TryGetProperty(name[Prefix.Length..], out var target))
            {
                _errors.Add($"{at}: unresolvable $ref {name}");
                return;
            }
            Check(target, value, at);
        }
        if (s.TryGetProperty("anyOf", out var anyOf))
        {
            var matched = anyOf.EnumerateArray().Any(option =>
            {
                var probe = new SchemaCheck(schema, strict);
                probe.Check(option, value, at);
                return probe._errors.Count == 0;
            });
            if (!matched)
            {
                _errors.Add($"{at}: matches none of anyOf");
            }
        }
        if (s.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            _errors.Add($"{at}: {value.ValueKind} where the schema says {type.GetRawText()}");
            return;
        }
        if (s.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
        {
            _errors.Add($"{at}: {value.GetRawText()} is not one of {options.GetRawText()}");
        }
        if (s.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            _errors.Add($"{at}: {value.GetRawText()} is not {constant.GetRawText()}");
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (s.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                {
                    if (!value.TryGetProperty(name, out _))
                    {
                        _errors.Add($"{at}: required property \"{name}\" is missing");
                    }
                }
            }
            var declared = s.TryGetProperty("properties", out var properties);
            s.TryGetProperty("additionalProperties", out var additional);
            foreach (var property in value.EnumerateObject())
            {
                if (declared && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    Check(propertySchema, property.Value, $"{at}.{property.Name}");
                }
                else if (additional.ValueKind == JsonValueKind.Object)
                {
                    Check(additional, property.Value, $"{at}.{property.Name}");
                }
                else if (additional.ValueKind == JsonValueKind.False || (strict && declared))
                {
                    _errors.Add($"{at}: property \"{property.Name}\" is not in the schema");
                }
            }
        }
        if (value.ValueKind == JsonValueKind.Array && s.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{at}[{i++}]");
            }
        }
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => TypeMatches(t, value))
            : type.GetString() switch
            {
                "object" => value.ValueKind == JsonValueKind.Object,
                "array" => value.ValueKind == JsonValueKind.Array,
                "string" => value.ValueKind == JsonValueKind.String,
                "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "null" => value.ValueKind == JsonValueKind.Null,
                "number" => value.ValueKind == JsonValueKind.Number,
                "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
                _ => false,
            };
}
