namespace CrossCheck.Reports.Html;

/// <summary>Renders a plain-text (or PDF) essay as it is, line breaks kept, with every claim occurrence marked.</summary>
internal static class EssayMarkup
{
    public static void Render(HtmlText html, string essay, IReadOnlyList<ClaimRecord> claims) =>
        new ClaimMarks(essay, claims).Write(html, essay, 0);
}
