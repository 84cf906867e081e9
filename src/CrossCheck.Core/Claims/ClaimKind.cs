using System.Text.Json.Serialization;

namespace CrossCheck.Claims;

[JsonConverter(typeof(JsonStringEnumConverter<ClaimKind>))]
public enum ClaimKind
{
    /// <summary>Holds a quotation attributed to the source.</summary>
    Quote,

    /// <summary>Refers to a numbered section of the source.</summary>
    SectionReference,

    /// <summary>States a number (a percentage, a count, a ratio...).</summary>
    Number,

    /// <summary>A factual statement with neither quote nor number.</summary>
    Factual,

    /// <summary>Opinion or interpretation: not checkable against a source.</summary>
    Opinion,
}
