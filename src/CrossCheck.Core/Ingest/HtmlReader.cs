using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CrossCheck.Ingest;

/// <summary>
/// Reads an HTML source's text with AngleSharp (a real HTML5 parser, not regexes): headings become
/// Markdown headings so sections are found, blocks become paragraphs, scripts and styles are dropped.
/// The nesting depth is checked first (<see cref="HtmlDepthGuard"/>), so a hostile file is refused in one line.
/// Cancellation (Ctrl+C, SIGTERM, a cancelled job) is honoured throughout: the depth scan checks the token every
/// 16,384 tags, the parser reads its input through a stream that checks it every 16 KiB, and the text walk
/// every 1,024 nodes, so a large page stops within a fraction of a second instead of when the parse ends.
/// </summary>
public static class HtmlReader
{
    private const int CheckEveryNodes = 1024;

    public static string Read(string path, string html, int maxDepth, CancellationToken cancellationToken = default)
    {
        CheckDepth(path, html, maxDepth, cancellationToken);
        // The text is already decoded (TextDecoder); it goes to the parser as UTF-8 behind a byte-order mark, which
        // outranks any <meta charset> in the page, so the parser never decodes it a second time another way.
        var preamble = Encoding.UTF8.Preamble;
        var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(html)];
        preamble.CopyTo(bytes);
        Encoding.UTF8.GetBytes(html, bytes.AsSpan(preamble.Length));
        cancellationToken.ThrowIfCancellationRequested();
        using var input = new CancellableStream(new MemoryStream(bytes, writable: false), cancellationToken);
        AngleSharp.Html.Dom.IHtmlDocument document;
        try
        {
            document = new HtmlParser().ParseDocument(input);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is AggregateException or OperationCanceledException)
        {
            // The synchronous parser wraps the stream's cancellation in an AggregateException.
            throw new OperationCanceledException("reading the HTML source was cancelled", e, cancellationToken);
        }
        var output = new StringBuilder();
        var visited = 0;
        // The guard bounds what the page's markup nests; the tree AngleSharp builds can differ a little (implied
        // elements, foster parenting), so the walk has its own, looser bound and never recurses without limit.
        Walk(document.Body ?? (INode)document.DocumentElement, output, 0, 4 * maxDepth + 64, ref visited, cancellationToken);
        return output.ToString().Trim();
    }

    private static void CheckDepth(string path, string html, int limit, CancellationToken cancellationToken)
    {
        var depth = HtmlDepthGuard.MaxDepth(html, limit, cancellationToken);
        if (depth > limit)
        {
            throw new InputException($"{path}: the HTML nests elements more than {limit} levels deep (a hostile or broken file?); save the page's text, or raise CrossCheck:Limits:MaxHtmlDepth.");
        }
    }

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "table", "tr", "section", "article", "blockquote", "pre", "br", "hr",
        "header", "footer", "main", "aside", "nav", "dd", "dt", "dl", "figure", "figcaption", "td", "th",
    };

    private static void Walk(INode node, StringBuilder output, int depth, int maxDepth, ref int visited, CancellationToken cancellationToken)
    {
        if (depth > maxDepth)
        {
            return;
        }
        foreach (var child in node.ChildNodes)
        {
            if (++visited % CheckEveryNodes == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            switch (child)
            {
                case IText textNode:
                    var value = string.Join(' ', textNode.Data.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                    if (value.Length > 0)
                    {
                        if (output.Length > 0 && !char.IsWhiteSpace(output[^1]) && char.IsWhiteSpace(textNode.Data[0]))
                        {
                            output.Append(' ');
                        }
                        output.Append(value);
                        if (char.IsWhiteSpace(textNode.Data[^1]))
                        {
                            output.Append(' ');
                        }
                    }
                    break;
                case IElement element when element.LocalName is "script" or "style" or "noscript" or "template" or "head":
                    break;
                case IElement element when element.LocalName.Length == 2 && element.LocalName[0] == 'h' && char.IsDigit(element.LocalName[1]):
                    output.Append("\n\n").Append('#', element.LocalName[1] - '0').Append(' ')
                        .Append(string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
                        .Append("\n\n");
                    break;
                case IElement element:
                    var block = BlockTags.Contains(element.LocalName);
                    if (block)
                    {
                        output.Append('\n');
                    }
                    Walk(element, output, depth + 1, maxDepth, ref visited, cancellationToken);
                    if (block)
                    {
                        output.Append('\n');
                    }
                    break;
            }
        }
    }
}
