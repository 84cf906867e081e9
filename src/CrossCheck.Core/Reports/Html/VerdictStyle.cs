using System.Text.Json;
using CrossCheck.Agreement;
using CrossCheck.Checks;
using CrossCheck.Claims;

namespace CrossCheck.Reports.Html;

/// <summary>How verdicts, kinds and agreement classes are named and coloured in report.html.</summary>
internal static class VerdictStyle
{
    /// <summary>The order the report lists verdicts in: worst finding first, then the rest.</summary>
    public static readonly Verdict[] Order =
    [
        Verdict.Contradicted, Verdict.NotInSource, Verdict.PartiallySupported, Verdict.Supported, Verdict.NotCheckable, Verdict.Failed,
    ];

    public const string NoPanel = "no_panel";

    public static string Css(Verdict verdict) => "v-" + verdict.Name();

    public static string Label(Verdict verdict) => verdict.Name().Replace('_', ' ');

    /// <summary>The one-letter mark used in heatmap cells (spelled out in the legend).</summary>
    public static string Letter(Verdict verdict) => verdict switch
    {
        Verdict.Supported => "S",
        Verdict.PartiallySupported => "P",
        Verdict.Contradicted => "C",
        Verdict.NotInSource => "N",
        Verdict.NotCheckable => "–",
        _ => "F",
    };

    public static string Kind(ClaimKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    public static string Agreement(AgreementClass? agreement) =>
        agreement is { } a ? JsonNamingPolicy.SnakeCaseLower.ConvertName(a.ToString()) : NoPanel;

    public static string Human(string name) => name == NoPanel ? "no panel" : name.Replace('_', ' ');
}
