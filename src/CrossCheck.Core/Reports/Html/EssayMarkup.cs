using CrossCheck.Checks;

namespace CrossCheck.Reports.Html;

/// <summary>
/// Renders the essay text with every claim occurrence marked. Occurrences may overlap (a claim the
/// extraction stage found inside a sentence claim): the text is cut at every occurrence boundary
/// and each piece is marked with the shortest, most specific claim covering it.
/// </summary>
internal static class EssayMarkup
{
    public static void Render(HtmlText html, string essay, IReadOnlyList<ClaimRecord> claims)
    {
        var spans = new List<(int Start, int End, int Claim)>();
        for (var i = 0; i < claims.Count; i++)
        {
            foreach (var o in claims[i].Occurrences)
            {
                var start = Math.Clamp(o.Start, 0, essay.Length);
                var end = Math.Clamp(o.End, 0, essay.Length);
                if (end > start)
                {
                    spans.Add((start, end, i));
                }
            }
        }
        var cuts = spans.SelectMany(s => new[] { s.Start, s.End }).Append(0).Append(essay.Length).Distinct().Order().ToArray();
        var pieces = new List<(int Start, int End, int Claim)>();
        for (var k = 0; k + 1 < cuts.Length; k++)
        {
            var (from, to) = (cuts[k], cuts[k + 1]);
            var owner = -1;
            var length = int.MaxValue;
            foreach (var s in spans)
            {
                if (s.Start <= from && s.End >= to && s.End - s.Start < length)
                {
                    (owner, length) = (s.Claim, s.End - s.Start);
                }
            }
            if (pieces.Count > 0 && pieces[^1].Claim == owner && pieces[^1].End == from)
            {
                pieces[^1] = (pieces[^1].Start, to, owner);
            }
            else
            {
                pieces.Add((from, to, owner));
            }
        }
        foreach (var (start, end, owner) in pieces)
        {
            var text = essay[start..end];
            if (owner < 0)
            {
                html.Text(text);
                continue;
            }
            var c = claims[owner];
            html.Open("span",
                    ("class", $"claim {VerdictStyle.Css(c.FinalVerdict)}"),
                    ("data-claim", c.Id),
                    ("data-verdict", c.FinalVerdict.Name()),
                    ("data-kind", VerdictStyle.Kind(c.Kind)),
                    ("data-agreement", VerdictStyle.Agreement(c.Panel?.Agreement)),
                    ("role", "button"),
                    ("tabindex", "0"),
                    ("title", $"{c.Id}: {VerdictStyle.Label(c.FinalVerdict)} ({VerdictStyle.Human(VerdictStyle.Kind(c.Kind))})"))
                .Text(text)
                .Close("span");
        }
    }
}
