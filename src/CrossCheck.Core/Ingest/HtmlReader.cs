using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CrossCheck.Ingest;

/// <summary>
/// Reads an HTML source's text with AngleSharp (a real HTML5 parser, not regexes): headings become
/// Markdown headings so sections are found, blocks become paragraphs, scripts and styles are dropped.
/// The nesting depth is checked first (<see cref="HtmlDepthGuard"/>), so a hostile file is refused in one line.
/// </summary>
public static class HtmlReader
{
    public static string Read(string path, string html, int maxDepth) => HtmlToText(CheckDepth(path, html, maxDepth));

    private static string CheckDepth(string path, string html, int limit)
    {
        var depth = HtmlDepthGuard.MaxDepth(html, limit);
        return depth > limit
            ? throw new InputException($"{path}: the HTML nests elements more than {limit} levels deep (a hostile or broken file?); save the page's text, or raise CrossCheck:Limits:MaxHtmlDepth.")
            : html;
    }

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "table", "tr", "section", "article", "blockquote", "pre", "br", "hr",
        "header", "footer", "main", "aside", "nav", "dd", "dt", "dl", "figure", "figcaption", "td", "th",
    };

    private static string HtmlToText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var output = new StringBuilder();
        Walk(document.Body ?? (INode)document.DocumentElement, output);
        return output.ToString().Trim();
    }

    private static void Walk(INode node, StringBuilder output)
    {
        foreach (var child in node.ChildNodes)
        {
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
                    Walk(element, output);
                    if (block)
                    {
                        output.Append('\n');
                    }
                    break;
            }
        }
    }
}
