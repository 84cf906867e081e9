using System.Text.Json.Serialization;

namespace CrossCheck.Checks;

[JsonConverter(typeof(JsonStringEnumConverter<NumberMatch>))]
public enum NumberMatch
{
    /// <summary>The number (within its unit and the precision written) is in the evidence.</summary>
    [JsonStringEnumMemberName("found")]
    Found,

    /// <summary>Not found, and a different number of the same kind stands in the same context.</summary>
    [JsonStringEnumMemberName("conflict")]
    Conflict,

    [JsonStringEnumMemberName("not_found")]
    NotFound,
}
