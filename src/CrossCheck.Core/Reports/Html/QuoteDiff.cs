using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace CrossCheck.Reports.Html;

/// <summary>
/// A word diff of a misquote (DiffPlex): the essay's quote against the closest text in the source.
/// Words only in the essay are struck out (&lt;del&gt;), words only in the source are inserted
/// (&lt;ins&gt;); each carries a text prefix too ("−", "+"), so the change is not shown by colour alone.
/// </summary>
internal static class QuoteDiff
{
    public static void Render(HtmlText html, string quote, string source)
    {
        var model = InlineDiffBuilder.Diff(quote, source, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        html.Open("p", ("class", "diff"), ("aria-label", "word diff: struck words are in the essay only, inserted words in the source only"));
        foreach (var piece in model.Lines)
        {
            switch (piece.Type)
            {
                case ChangeType.Deleted:
                    html.Open("del", ("title", "in the essay's quote, not in the source")).Element("span", "−", ("class", "diff-sign")).Text(piece.Text).Close("del");
                    break;
                case ChangeType.Inserted:
                    html.Open("ins", ("title", "in the source, not in the essay's quote")).Element("span", "+", ("class", "diff-sign")).Text(piece.Text).Close("ins");
                    break;
                default:
                    html.Text(piece.Text);
                    break;
            }
        }
        html.Close("p");
    }
}
