using System.Globalization;
using CrossCheck.Review;

namespace CrossCheck.Reports.Html;

/// <summary>
/// The editor's marks for one claim: agree, false alarm or fixed, and a note. The page keeps them in the
/// browser and exports them as a decisions file for <c>crosscheck review</c>; a decision already recorded in
/// the run's log is shown above the form.
/// </summary>
internal static class ReviewForm
{
    public static void Render(HtmlText html, ClaimRecord c, HumanDecision? recorded)
    {
        html.Open("fieldset", ("class", "review"), ("data-review", c.Id)).Element("legend", "Your review");
        if (recorded is not null)
        {
            html.Open("p", ("class", "recorded"), ("data-recorded", recorded.Decision.Name()))
                .Element("strong", "Recorded: ")
                .Text($"{recorded.Decision.Name().Replace('_', ' ')}{(recorded.Verdict is { } v ? $" (human verdict {VerdictStyle.Label(v)})" : "")} by {recorded.Reviewer}, {recorded.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}")
                .Text(recorded.Note is { } n ? $": {n}" : "")
                .Close("p");
        }
        foreach (var (value, label) in new[] { ("agree", "agree"), ("false_alarm", "false alarm"), ("fixed", "fixed"), ("", "no decision") })
        {
            html.Open("label", ("class", "choice"))
                .Open("input", ("type", "radio"), ("name", "review-" + c.Id), ("value", value), ("data-decision", c.Id), ("checked", value.Length == 0 ? "" : null))
                .Text(" " + label).Close("label");
        }
        html.Element("label", "Note", ("for", "note-" + c.Id), ("class", "note-label"))
            .Open("textarea", ("id", "note-" + c.Id), ("data-note", c.Id), ("rows", "2")).Close("textarea");
        html.Close("fieldset").Line();
    }
}
