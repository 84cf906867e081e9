using System.Text.Json.Serialization;

namespace CrossCheck.Checks;

/// <summary>The verdicts of DESIGN.md; written in snake case everywhere (CSV, JSON, reports, --fail-on).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    [JsonStringEnumMemberName("supported")]
    Supported,

    [JsonStringEnumMemberName("partially_supported")]
    PartiallySupported,

    [JsonStringEnumMemberName("contradicted")]
    Contradicted,

    [JsonStringEnumMemberName("not_in_source")]
    NotInSource,

    [JsonStringEnumMemberName("not_checkable")]
    NotCheckable,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
