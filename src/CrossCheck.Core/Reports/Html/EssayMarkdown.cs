using System.Globalization;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CrossCheck.Reports.Html;

/// <summary>
/// Renders a Markdown essay with Markdig's parser (headings, emphasis, links, lists, tables, footnotes,
/// code) and marks each claim in place: every text node is cut where claims start and end, from the
/// exact source positions Markdig keeps. The HTML is written here, not by Markdig's renderer, so every
/// piece of text is encoded: raw HTML in the essay shows as text, images show their alt text, and a
/// link keeps its target only when it is http(s), mailto, or a page anchor.
/// </summary>
internal sealed class EssayMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation().UsePipeTables().UseFootnotes().UseEmphasisExtras().Build();

    private readonly HtmlText _html;
    private readonly ClaimMarks _marks;
    private readonly string _essay;

    private EssayMarkdown(HtmlText html, string essay, IReadOnlyList<ClaimRecord> claims)
    {
        _html = html;
        _essay = essay;
        _marks = new ClaimMarks(essay, claims);
    }

    public static void Render(HtmlText html, string essay, IReadOnlyList<ClaimRecord> claims)
    {
        var renderer = new EssayMarkdown(html, essay, claims);
        var document = Markdown.Parse(essay, Pipeline);
        foreach (var block in document)
        {
            renderer.Block(block);
        }
    }

    private void Block(Block block)
    {
        switch (block)
        {
            case HeadingBlock h:
                // The page has its own h1 and h2: the essay's headings sit below them.
                var tag = "h" + Math.Min(6, h.Level + 2).ToString(CultureInfo.InvariantCulture);
                _html.Open(tag, ("class", "md-h" + h.Level.ToString(CultureInfo.InvariantCulture)));
                Inlines(h.Inline);
                _html.Close(tag).Line();
                break;
            case ParagraphBlock p:
                _html.Open("p");
                Inlines(p.Inline);
                _html.Close("p").Line();
                break;
            case ListBlock list:
                var listTag = list.IsOrdered ? "ol" : "ul";
                _html.Open(listTag, ("start", list.IsOrdered && list.OrderedStart is { } s && s != "1" ? s : null));
                foreach (var item in list)
                {
                    _html.Open("li");
                    Children(item as ContainerBlock, tight: !list.IsLoose);
                    _html.Close("li").Line();
                }
                _html.Close(listTag).Line();
                break;
            case QuoteBlock quote:
                _html.Open("blockquote", ("class", "md-quote"));
                Children(quote, tight: false);
                _html.Close("blockquote").Line();
                break;
            case ThematicBreakBlock:
                _html.Raw("<hr>\n");
                break;
            case Table table:
                TableBlock(table);
                break;
            case FootnoteGroup group:
                Footnotes(group);
                break;
            case LinkReferenceDefinitionGroup:
                break;
            case LeafBlock leaf when leaf is CodeBlock or HtmlBlock:
                _html.Open("pre", ("class", leaf is HtmlBlock ? "md-html" : "md-code")).Open("code");
                _marks.Write(_html, _essay.Substring(leaf.Span.Start, Math.Min(leaf.Span.Length, _essay.Length - leaf.Span.Start)), leaf.Span.Start);
                _html.Close("code").Close("pre").Line();
                break;
            case ContainerBlock container:
                Children(container, tight: false);
                break;
            case LeafBlock other:
                _html.Open("p");
                Inlines(other.Inline);
                _html.Close("p").Line();
                break;
        }
    }

    /// <summary>A container's blocks; in a tight list item, paragraphs lose their &lt;p&gt;.</summary>
    private void Children(ContainerBlock? container, bool tight)
    {
        foreach (var child in (IEnumerable<Block>?)container ?? [])
        {
            if (tight && child is ParagraphBlock p)
            {
                Inlines(p.Inline);
                _html.Line();
            }
            else
            {
                Block(child);
            }
        }
    }

    private void TableBlock(Table table)
    {
        _html.Open("div", ("class", "table-wrap")).Open("table", ("class", "md-table")).Line();
        foreach (var row in table.OfType<TableRow>())
        {
            _html.Open("tr");
            foreach (var cell in row.OfType<TableCell>())
            {
                var tag = row.IsHeader ? "th" : "td";
                _html.Open(tag);
                Children(cell, tight: true);
                _html.Close(tag);
            }
            _html.Close("tr").Line();
        }
        _html.Close("table").Close("div").Line();
    }

    private void Footnotes(FootnoteGroup group)
    {
        _html.Open("section", ("class", "md-footnotes"), ("aria-label", "footnotes")).Raw("<hr>").Open("ol").Line();
        foreach (var note in group.OfType<Footnote>())
        {
            _html.Open("li", ("id", FootnoteId(note.Order)));
            Children(note, tight: true);
            _html.Close("li").Line();
        }
        _html.Close("ol").Close("section").Line();
    }

    private static string FootnoteId(int order) => "essay-fn-" + order.ToString(CultureInfo.InvariantCulture);

    private void Inlines(ContainerInline? container)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            Inline(inline);
        }
    }

    private void Inline(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                var text = literal.Content.ToString();
                _marks.Write(_html, text, literal.Span.Start, verbatim: literal.Span.Length == text.Length);
                break;
            case CodeInline code:
                _html.Open("code");
                _marks.Write(_html, code.Content, code.Span.Start, verbatim: false);
                _html.Close("code");
                break;
            case HtmlEntityInline entity:
                _marks.Write(_html, entity.Transcoded.ToString(), entity.Span.Start, verbatim: false);
                break;
            case HtmlInline raw:
                // Raw HTML in an essay is shown as the text it is, never as markup.
                _marks.Write(_html, raw.Tag, raw.Span.Start, verbatim: raw.Span.Length == raw.Tag.Length);
                break;
            case LineBreakInline br:
                if (br.IsHard)
                {
                    _html.Raw("<br>");
                }
                _html.Line();
                break;
            case AutolinkInline auto:
                Link(auto.IsEmail ? "mailto:" + auto.Url : auto.Url, null, () => _marks.Write(_html, auto.Url, auto.Span.Start + 1));
                break;
            case FootnoteLink fn when !fn.IsBackLink:
                var order = fn.Footnote.Order.ToString(CultureInfo.InvariantCulture);
                _html.Open("sup", ("class", "fn-ref")).Open("a", ("href", "#" + FootnoteId(fn.Footnote.Order)), ("aria-label", "footnote " + order)).Text(order).Close("a").Close("sup");
                break;
            case LinkInline link when link.IsImage:
                _html.Open("span", ("class", "img-alt")).Text("[image: ");
                Inlines(link);
                _html.Text("]").Close("span");
                break;
            case LinkInline link:
                Link(link.GetDynamicUrl?.Invoke() ?? link.Url, link.Title, () => Inlines(link));
                break;
            case EmphasisInline em:
                var tag = em.DelimiterChar == '~' && em.DelimiterCount == 2 ? "del" : em.DelimiterCount >= 2 ? "strong" : "em";
                _html.Open(tag);
                Inlines(em);
                _html.Close(tag);
                break;
            case ContainerInline container:
                Inlines(container);
                break;
        }
    }

    private void Link(string? url, string? title, Action children)
    {
        if (SafeHref(url) is { } href)
        {
            _html.Open("a", ("href", href), ("title", string.IsNullOrEmpty(title) ? null : title), ("rel", "noopener noreferrer"), ("target", href.StartsWith('#') ? null : "_blank"));
            children();
            _html.Close("a");
        }
        else
        {
            children();
        }
    }

    /// <summary>The link target when it is http(s), mailto or a page anchor; null for anything else (javascript:, data:, file paths).</summary>
    internal static string? SafeHref(string? url)
    {
        var u = url?.Trim();
        if (string.IsNullOrEmpty(u))
        {
            return null;
        }
        if (u.StartsWith('#'))
        {
            return u;
        }
        return Uri.TryCreate(u, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https" or "mailto" ? abs.AbsoluteUri : null;
    }
}
