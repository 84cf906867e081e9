using System.Globalization;
using CrossCheck.Checks;
using CrossCheck.Ingest;

namespace CrossCheck.Reports.Html;

/// <summary>
/// The grounding checker's part of a claim's detail: reasons, quote checks (a word diff for a misquote),
/// number and section checks, and the evidence: the best passage once, the claim's words and numbers
/// highlighted, a link that opens the source at the page, and the page's text around the passage.
/// </summary>
internal static partial class ClaimDetail
{
    private const int EvidenceShown = 3;
    private const int ExcerptLength = 700;
    private const int PageContext = 600;

    private static void Grounding(HtmlText html, ClaimRecord c, HtmlReport report)
    {
        var g = c.Grounding;
        var marks = new EvidenceHighlighter(c);
        html.Open("h3").Text("Grounding checker ").Element("span", VerdictStyle.Label(g.Verdict), ("class", $"badge small {VerdictStyle.Css(g.Verdict)}")).Close("h3").Line();
        html.Element("p", "Offline retrieval and mechanical checks against the source text; no language model.", ("class", "note"));
        if (g.Reasons.Count > 0)
        {
            html.Open("ul", ("class", "reasons"));
            foreach (var reason in g.Reasons)
            {
                html.Element("li", reason);
            }
            html.Close("ul").Line();
        }
        if (g.Support is { } s)
        {
            html.Element("p", $"Support: {s.Level}, score {s.Score.ToString("0.000", CultureInfo.InvariantCulture)}: {s.Reason}", ("class", "support"));
        }
        Quotes(html, g);
        Numbers(html, g);
        Sections(html, g);
        Evidence(html, c, report, marks);
    }

    private static void Quotes(HtmlText html, GroundingRecord g)
    {
        if (g.Quotes.Count == 0)
        {
            return;
        }
        html.Element("h4", "Quotes");
        html.Open("table", ("class", "checks")).Raw("<thead><tr><th>quote</th><th>result</th><th>where</th></tr></thead><tbody>");
        foreach (var q in g.Quotes)
        {
            var result = q.Match == QuoteMatch.Near ? $"near ({q.Similarity.ToString("0.00", CultureInfo.InvariantCulture)})" : Name(q.Match);
            html.Open("tr", ("class", "quote-check"))
                .Open("td").Element("q", q.Quote).Close("td")
                .Element("td", result, ("class", "m-" + Name(q.Match)))
                .Open("td").Text(Where(q.Location));
            if (q.AlsoAt is { Count: > 0 } also)
            {
                var sentence = QuoteResult.DescribeOtherPlaces(also.Select(p => (p.Source, p.Page)).ToArray());
                html.Element("div", char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".", ("class", "also-at"));
            }
            if (q.Location is { } l && q.Match != QuoteMatch.Exact)
            {
                html.Element("div", $"source: “{LocationRecord.Excerpt(l.Text, 300)}”", ("class", "source-text"));
            }
            html.Close("td").Close("tr");
            if (q.Location is { } near && q.Match is QuoteMatch.Near)
            {
                html.Open("tr", ("class", "quote-diff")).Open("td", ("colspan", "3")).Element("div", "Word diff, essay → source:", ("class", "diff-label"));
                QuoteDiff.Render(html, q.Quote, LocationRecord.Excerpt(near.Text, 600));
                html.Close("td").Close("tr");
            }
        }
        html.Raw("</tbody></table>").Line();
    }

    private static void Numbers(HtmlText html, GroundingRecord g)
    {
        if (g.Numbers.Count == 0)
        {
            return;
        }
        html.Element("h4", "Numbers");
        html.Open("table", ("class", "checks")).Raw("<thead><tr><th>number</th><th>result</th><th>source says</th><th>where</th></tr></thead><tbody>");
        foreach (var n in g.Numbers)
        {
            html.Open("tr")
                .Element("td", n.Number)
                .Element("td", Name(n.Match).Replace('_', ' '), ("class", "m-" + Name(n.Match)))
                .Element("td", n.SourceNumber ?? "")
                .Element("td", Where(n.Location))
                .Close("tr");
        }
        html.Raw("</tbody></table>").Line();
    }

    private static void Sections(HtmlText html, GroundingRecord g)
    {
        if (g.Sections.Count == 0)
        {
            return;
        }
        html.Element("h4", "Section references");
        html.Open("table", ("class", "checks")).Raw("<thead><tr><th>reference</th><th>result</th><th>section found</th></tr></thead><tbody>");
        foreach (var s in g.Sections)
        {
            var where = s.Title is null ? "" : $"{s.Title} ({s.Source} p. {s.Page})";
            html.Open("tr")
                .Element("td", s.Reference)
                .Element("td", Name(s.Match), ("class", "m-" + Name(s.Match)))
                .Element("td", where)
                .Close("tr");
        }
        html.Raw("</tbody></table>").Line();
    }

    private static void Evidence(HtmlText html, ClaimRecord c, HtmlReport report, EvidenceHighlighter marks)
    {
        var g = c.Grounding;
        if (g.Evidence.Count == 0 && g.BestEvidence is null)
        {
            return;
        }
        html.Element("h4", "Evidence");
        html.Element("p", "The claim's words and numbers are marked in the passages; a number that conflicts with the claim's is marked ≠.", ("class", "note"));
        var best = g.BestEvidence;
        // The best match is shown once: as the retrieved passage that holds it, or on its own when none does.
        var holding = best is null ? null : g.Evidence.FirstOrDefault(e => e.Source == best.Source && e.Start <= best.Start && best.Start < e.End);
        if (best is not null && holding is null)
        {
            Passage(html, report, marks, best.Source, best.Page, best.Start, best.End, "best match · " + Where(best), best: true, fallback: best.Text);
        }
        var ordered = holding is null ? g.Evidence : [holding, .. g.Evidence.Where(e => !ReferenceEquals(e, holding))];
        var shown = 0;
        foreach (var e in ordered)
        {
            if (shown == EvidenceShown)
            {
                html.Open("details", ("class", "more-evidence")).Element("summary", $"{g.Evidence.Count - EvidenceShown} more passage(s) retrieved");
            }
            var score = e.Score is { } s ? $" · BM25 {s.ToString("0.00", CultureInfo.InvariantCulture)}" : " · always included";
            var isBest = ReferenceEquals(e, holding);
            var loc = $"{(isBest ? "best match · " : "")}{e.Source} · p. {e.Page}{(e.Section is null ? "" : $" · § {e.Section}")} · passage {e.PassageId}{score}";
            Passage(html, report, marks, e.Source, e.Page, e.Start, e.End, loc, isBest, fallback: null);
            shown++;
        }
        if (shown > EvidenceShown)
        {
            html.Close("details").Line();
        }
    }

    private static void Passage(HtmlText html, HtmlReport report, EvidenceHighlighter marks, string sourceName, int page, int start, int end,
        string location, bool best, string? fallback)
    {
        var doc = report.Run.Sources.FirstOrDefault(d => d.FileName == sourceName);
        var text = doc is not null && start >= 0 && end <= doc.Text.Length && end > start
            ? LocationRecord.Excerpt(doc.Text.AsSpan(start, end - start), ExcerptLength)
            : fallback ?? "(passage text not available)";
        html.Open("div", ("class", best ? "evidence best" : "evidence")).Element("div", location, ("class", "loc"));
        html.Open("blockquote");
        marks.Render(html, text);
        html.Close("blockquote");
        if (report.Link(sourceName, page) is { } href)
        {
            html.Open("a", ("class", "page-link"), ("href", href), ("target", "_blank"), ("rel", "noopener")).Text($"Open {sourceName} at p. {page}").Close("a");
        }
        if (doc is not null && start >= 0 && end <= doc.Text.Length && end > start)
        {
            PageText(html, doc, page, start, end, marks);
        }
        html.Close("div").Line();
    }

    /// <summary>The text of the passage's page around it, the passage itself marked.</summary>
    private static void PageText(HtmlText html, Document doc, int page, int start, int end, EvidenceHighlighter marks)
    {
        var p = doc.Pages.FirstOrDefault(x => x.Number == page) ?? doc.Pages.FirstOrDefault(x => x.Start <= start && start < x.End);
        if (p is null)
        {
            return;
        }
        var from = Math.Max(p.Start, start - PageContext);
        var to = Math.Min(Math.Min(p.End, doc.Text.Length), end + PageContext);
        if (from >= start && to <= end)
        {
            return; // the passage is the whole page: nothing more to show
        }
        html.Open("details", ("class", "page-text")).Element("summary", $"Text of p. {page} around the passage");
        html.Open("p");
        html.Text((from > p.Start ? "… " : "") + LocationRecord.Excerpt(doc.Text.AsSpan(from, start - from), PageContext * 2) + " ");
        html.Open("mark", ("class", "passage"));
        marks.Render(html, LocationRecord.Excerpt(doc.Text.AsSpan(start, Math.Min(end, doc.Text.Length) - start), ExcerptLength * 4));
        html.Close("mark");
        html.Text(" " + LocationRecord.Excerpt(doc.Text.AsSpan(Math.Min(end, to), to - Math.Min(end, to)), PageContext * 2) + (to < p.End ? " …" : ""));
        html.Close("p").Close("details");
    }
}
