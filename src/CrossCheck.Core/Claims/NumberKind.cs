using System.Text.Json.Serialization;

namespace CrossCheck.Claims;

/// <summary>What a number counts: only numbers of the same kind can match or conflict.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NumberKind>))]
public enum NumberKind
{
    /// <summary>A plain count or measure, bare or with a word unit ("16 participants", "40 expert-hours").</summary>
    Count,

    Percent,

    /// <summary>"427x", "427-fold", "3 times", "dreifach".</summary>
    Multiplier,

    /// <summary>A currency amount ("$4.6 million", "12 €").</summary>
    Money,

    /// <summary>A year, or a day next to a month name ("21 March", "2023").</summary>
    Date,
}
