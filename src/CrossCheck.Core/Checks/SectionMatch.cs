using System.Text.Json.Serialization;

namespace CrossCheck.Checks;

[JsonConverter(typeof(JsonStringEnumConverter<SectionMatch>))]
public enum SectionMatch
{
    /// <summary>The section exists and the evidence lies in it.</summary>
    [JsonStringEnumMemberName("holds")]
    Holds,

    /// <summary>The section exists but the evidence for the claim lies elsewhere.</summary>
    [JsonStringEnumMemberName("elsewhere")]
    Elsewhere,

    /// <summary>No source has a section with that number.</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,
}
