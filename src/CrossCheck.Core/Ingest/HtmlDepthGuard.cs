namespace CrossCheck.Ingest;

/// <summary>
/// Measures how deeply an HTML document's elements nest, in one pass over its tags and without
/// building a tree, so a hostile file (a million nested <c>div</c>s) is refused in milliseconds
/// instead of tying up the parser for minutes. Void elements (<c>br</c>, <c>img</c>, ...) and
/// self-closing tags do not nest; comments, scripts and styles are skipped.
/// </summary>
public static class HtmlDepthGuard
{
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "td", "th", "tr", "dt", "dd", "option", // often left unclosed: never counted as nesting
    };

    /// <summary>The deepest nesting seen, stopping early once past <paramref name="limit"/>.</summary>
    public static int MaxDepth(string html, int limit, CancellationToken cancellationToken = default)
    {
        var depth = 0;
        var max = 0;
        var i = 0;
        var tags = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if ((++tags & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }
            var end = html.IndexOf('>', i + 1);
            if (end < 0)
            {
                break;
            }
            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < end && (char.IsLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }
            if (nameEnd == nameStart)
            {
                i = end + 1;
                continue;
            }
            var name = html.Substring(nameStart, nameEnd - nameStart);
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                var close = html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                i = closeEnd < 0 ? html.Length : closeEnd + 1;
                continue;
            }
            if (!Void.Contains(name) && html[end - 1] != '/')
            {
                depth += closing ? -1 : 1;
                depth = Math.Max(depth, 0);
                if (depth > max)
                {
                    max = depth;
                    if (max > limit)
                    {
                        return max;
                    }
                }
            }
            i = end + 1;
        }
        return max;
    }
}
