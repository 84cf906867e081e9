using System.Globalization;
using System.Text.Json;
using CrossCheck.Checks;

namespace CrossCheck.Reports.Html;

/// <summary>
/// The detail panel of one claim: its text and verdict, the grounding checker's reasons and check
/// results, the evidence with file, page and section, and every panel answer with its citations,
/// down to the raw text of each model answer. Hidden until the claim is clicked.
/// </summary>
internal static partial class ClaimDetail
{
    public static void Render(HtmlText html, ClaimRecord c, HtmlReport report)
    {
        html.Open("section", ("class", "detail"), ("id", "detail-" + c.Id), ("data-detail", c.Id), ("hidden", ""), ("tabindex", "-1"), ("aria-label", "claim " + c.Id)).Line();
        html.Open("div", ("class", "detail-head"))
            .Element("span", VerdictStyle.Label(c.FinalVerdict), ("class", $"badge {VerdictStyle.Css(c.FinalVerdict)}"), ("data-final", c.FinalVerdict.Name()))
            .Element("span", c.Id, ("class", "cid"))
            .Element("span", VerdictStyle.Human(VerdictStyle.Kind(c.Kind)), ("class", "kind-pill"))
            .Close("div").Line();
        html.Element("blockquote", c.Text, ("class", "claim-text")).Line();

        html.Open("dl", ("class", "facts"));
        Fact(html, "Final verdict", $"{VerdictStyle.Label(c.FinalVerdict)}, from {(c.Panel?.FinalFrom ?? "the grounding checker (no panel judged this claim)")}");
        Fact(html, "Checkable", (c.Checkable ? "yes" : "no") + (c.CheckableReason is { } why ? $": {why}" : ""));
        Fact(html, "In the essay", string.Join("; ", c.Occurrences.Select(o => $"line {o.Line}, column {o.Column}")));
        if (c.Panel is { } p)
        {
            Fact(html, "Panel agreement", $"{p.AgreementLabel}; citations verified {p.CitationsVerified}");
            if (p.Overruled)
            {
                Fact(html, "Overruled", "yes: the reconciler moved the verdict away from the verify majority with a citation verified on its cited page and passage");
            }
        }
        html.Close("dl").Line();

        if (c.Panel?.SuggestedCorrection is { } fix)
        {
            html.Open("div", ("class", "correction")).Element("strong", "Suggested wording: ").Text(fix).Close("div").Line();
        }
        if (c.Panel is { Flags.Count: > 0 } flagged)
        {
            html.Open("ul", ("class", "flags"));
            foreach (var flag in flagged.Flags)
            {
                html.Element("li", flag);
            }
            html.Close("ul").Line();
        }

        ReviewForm.Render(html, c, report.Review?.For(c.Id));
        Grounding(html, c, report);
        if (c.Panel is { } panel)
        {
            Panel(html, panel);
        }
        html.Close("section").Line();
    }

    private static void Fact(HtmlText html, string term, string value) =>
        html.Element("dt", term).Element("dd", value);

    private static void Panel(HtmlText html, PanelRecord p)
    {
        html.Element("h3", "LLM panel").Line();
        html.Element("p", $"Drafter {p.Drafter} · attacker {p.Attacker} · reconciler {p.Reconciler}", ("class", "roles"));
        foreach (var note in p.RoleNotes)
        {
            html.Element("p", note, ("class", "note"));
        }
        if (p.Draft is { } d)
        {
            html.Element("h4", "Draft");
            html.Open("div", ("class", "answer"))
                .Element("div", $"{d.Panelist}{(d.Error is null ? "" : " · failed")}", ("class", "who"));
            if (Text(d.Parsed, "proposition") is { } prop)
            {
                html.Open("p").Element("strong", "Proposition: ").Text(prop).Close("p");
            }
            if (Text(d.Parsed, "required_evidence") is { } req)
            {
                html.Open("p").Element("strong", "Needs: ").Text(req).Close("p");
            }
            Error(html, d);
            html.Close("div").Line();
        }
        html.Element("h4", "Verification (each panelist, blind to the others)");
        foreach (var v in p.Verifications)
        {
            Answer(html, v, "verify");
        }
        if (p.Attacks.Count > 0)
        {
            html.Element("h4", "Attack");
            foreach (var a in p.Attacks)
            {
                Answer(html, a, "attack");
            }
        }
        if (p.Reconciliations.Count > 0)
        {
            html.Element("h4", "Reconciliation");
            foreach (var r in p.Reconciliations)
            {
                Answer(html, r, "reconcile");
            }
        }
        var all = new[] { p.Draft }.OfType<AnswerRecord>().Concat(p.Verifications).Concat(p.Attacks).Concat(p.Reconciliations).ToArray();
        html.Open("details", ("class", "raw")).Element("summary", $"Raw answers ({all.Length})");
        foreach (var a in all)
        {
            var stats = $"{a.InputTokens} in / {a.OutputTokens} out tokens · {a.LatencyMs.ToString("0", CultureInfo.InvariantCulture)} ms · {a.Calls} call(s){(a.Repaired ? " · repaired" : "")}{(a.ModelVersion is null ? "" : $" · served as {a.ModelVersion}")}";
            html.Open("div", ("class", "raw-answer"), ("data-stage", a.Stage), ("data-panelist", a.Panelist))
                .Element("div", $"{a.Stage} · {a.Panelist} · round {a.Round}", ("class", "who"))
                .Element("div", $"prompt {a.Prompt} · sha256 {a.PromptHash}", ("class", "prompt-id"))
                .Element("div", stats, ("class", "stats"))
                .Element("pre", a.RawText)
                .Close("div").Line();
        }
        html.Close("details").Line();
    }

    private static void Answer(HtmlText html, AnswerRecord a, string stage)
    {
        var verdict = a.Verdict ?? Verdict.Failed;
        html.Open("div", ("class", "answer " + stage), ("data-panelist", a.Panelist));
        html.Open("div", ("class", "who"))
            .Element("span", a.Panelist, ("class", "panelist"))
            .Text(a.Round > 1 || stage != "verify" ? $" · round {a.Round}" : "")
            .Text(" ")
            .Element("span", (stage == "attack" ? "proposes " : "") + VerdictStyle.Label(verdict), ("class", $"badge small {VerdictStyle.Css(verdict)}"));
        if (a.Citations.Count > 0 || stage == "verify")
        {
            html.Element("span", $"citations verified {a.CitationsVerified}", ("class", "tag"));
        }
        if (a.UnverifiedSupport && stage == "verify")
        {
            html.Element("span", "supported without a verified citation", ("class", "tag warn"));
        }
        html.Close("div");
        if (a.Rationale is { Length: > 0 } rationale)
        {
            html.Element("p", rationale, ("class", "rationale"));
        }
        if (stage == "attack" && a.Parsed is { ValueKind: JsonValueKind.Object } parsed
            && parsed.TryGetProperty("challenges", out var challenges) && challenges.ValueKind == JsonValueKind.Array)
        {
            html.Open("ul", ("class", "challenges"));
            foreach (var ch in challenges.EnumerateArray())
            {
                html.Open("li").Element("strong", (Text(ch, "type") ?? "challenge") + ": ").Text(Text(ch, "argument") ?? "").Close("li");
            }
            html.Close("ul");
        }
        if (stage == "reconcile" && Text(a.Parsed, "suggested_correction") is { Length: > 0 } fix)
        {
            html.Open("p", ("class", "correction")).Element("strong", "Suggested correction: ").Text(fix).Close("p");
        }
        Error(html, a);
        if (a.Citations.Count > 0)
        {
            html.Open("table", ("class", "citations")).Raw("<thead><tr><th>cited quote</th><th>cited page</th><th>found</th><th>check</th></tr></thead><tbody>");
            foreach (var c in a.Citations)
            {
                var found = c.Source is null ? "—" : $"{c.Source} p. {c.FoundPage}{(c.Section is null ? "" : $" § {c.Section}")}";
                html.Open("tr", ("class", c.Verified ? "verified" : "unverified"))
                    .Open("td").Element("q", c.Quote).Close("td")
                    .Element("td", c.CitedPage is { } cp ? $"p. {cp}" : "—")
                    .Element("td", found)
                    .Element("td", (c.Verified ? "✓ " : "✗ ") + c.Check, ("class", c.Verified ? "ok" : "bad"))
                    .Close("tr");
            }
            html.Raw("</tbody></table>");
        }
        html.Close("div").Line();
    }

    private static void Error(HtmlText html, AnswerRecord a)
    {
        if (a.Error is { } error)
        {
            html.Element("p", "No usable answer: " + error, ("class", "error"));
        }
    }

    private static string? Text(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static string Where(LocationRecord? l) =>
        l is null ? "—" : $"{l.Source} p. {l.Page}{(l.Section is null ? "" : $" § {l.Section}")}";

    private static string Name<T>(T value)
        where T : struct, Enum =>
        JsonSerializer.Serialize(value, Provenance.ReportJson.Options).Trim('"');
}
