using System.Text.Json.Serialization;

namespace CrossCheck.Checks;

[JsonConverter(typeof(JsonStringEnumConverter<QuoteMatch>))]
public enum QuoteMatch
{
    /// <summary>The quote stands in the source character for character.</summary>
    [JsonStringEnumMemberName("exact")]
    Exact,

    /// <summary>The quote stands in the source once both are normalised (quotes, dashes, ligatures, hyphenation, case, spacing).</summary>
    [JsonStringEnumMemberName("normalised")]
    Normalised,

    /// <summary>Close words stand in the source, but not these: a misquote.</summary>
    [JsonStringEnumMemberName("near")]
    Near,

    /// <summary>Nothing like it in the sources.</summary>
    [JsonStringEnumMemberName("absent")]
    Absent,
}
