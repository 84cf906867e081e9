using CrossCheck.Checks;

namespace CrossCheck.Reports.Html;

/// <summary>
/// Which claim owns each character of the essay, and the markup that marks it. Occurrences may overlap
/// (a claim the extraction stage found inside a sentence claim): the text is cut at every occurrence
/// boundary and each piece belongs to the shortest, most specific claim covering it. A claim's verdict
/// is shown in colour and, after each occurrence, as a letter (with the full name for screen readers).
/// </summary>
internal sealed class ClaimMarks
{
    private readonly IReadOnlyList<ClaimRecord> _claims;
    private readonly (int Start, int End, int Claim)[] _pieces;
    private readonly HashSet<(int Claim, int Start)> _occurrenceStarts = [];
    private readonly HashSet<(int Claim, int End)> _occurrenceEnds = [];

    public ClaimMarks(string essay, IReadOnlyList<ClaimRecord> claims)
    {
        _claims = claims;
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
                    _occurrenceStarts.Add((i, start));
                    _occurrenceEnds.Add((i, end));
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
        _pieces = [.. pieces];
    }

    /// <summary>
    /// Writes <paramref name="text"/>, which stands at <paramref name="start"/> in the essay, marking the parts
    /// claims own. When the text is not a verbatim copy of the essay there (an entity, code), pass
    /// <paramref name="verbatim"/> false: the whole text then goes to the claim owning its first character.
    /// </summary>
    public void Write(HtmlText html, string text, int start, bool verbatim = true)
    {
        if (text.Length == 0)
        {
            return;
        }
        if (!verbatim)
        {
            Piece(html, text, Owner(start), start, start + text.Length, atEnd: false);
            return;
        }
        var offset = 0;
        while (offset < text.Length)
        {
            var at = start + offset;
            var index = PieceAt(at);
            var (pieceStart, pieceEnd, owner) = index < 0 ? (at, start + text.Length, -1) : _pieces[index];
            var take = Math.Min(text.Length - offset, Math.Max(1, pieceEnd - at));
            Piece(html, text.Substring(offset, take), owner, at, at + take, atEnd: owner >= 0 && at + take == pieceEnd);
            offset += take;
            _ = pieceStart;
        }
    }

    private void Piece(HtmlText html, string text, int owner, int start, int end, bool atEnd)
    {
        if (owner < 0)
        {
            html.Text(text);
            return;
        }
        var c = _claims[owner];
        html.Open("span",
                ("class", $"claim {VerdictStyle.Css(c.FinalVerdict)}"),
                ("data-claim", c.Id),
                ("data-verdict", c.FinalVerdict.Name()),
                ("data-kind", VerdictStyle.Kind(c.Kind)),
                ("data-agreement", VerdictStyle.Agreement(c.Panel?.Agreement)),
                ("role", "button"),
                ("tabindex", _occurrenceStarts.Contains((owner, start)) ? "0" : "-1"),
                ("title", $"{c.Id}: {VerdictStyle.Label(c.FinalVerdict)} ({VerdictStyle.Human(VerdictStyle.Kind(c.Kind))})"))
            .Text(text)
            .Close("span");
        if (atEnd && _occurrenceEnds.Contains((owner, end)))
        {
            html.Open("sup", ("class", $"vmark {VerdictStyle.Css(c.FinalVerdict)}"), ("data-vmark", c.Id))
                .Element("span", VerdictStyle.Letter(c.FinalVerdict), ("aria-hidden", "true"))
                .Element("span", $" ({c.Id}: {VerdictStyle.Label(c.FinalVerdict)})", ("class", "sr-only"))
                .Close("sup");
        }
    }

    private int Owner(int offset) => PieceAt(offset) is var i and >= 0 ? _pieces[i].Claim : -1;

    private int PieceAt(int offset)
    {
        int lo = 0, hi = _pieces.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_pieces[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else if (_pieces[mid].Start > offset)
            {
                hi = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -1;
    }
}
