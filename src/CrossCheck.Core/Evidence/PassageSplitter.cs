using CrossCheck.Claims;
using CrossCheck.Ingest;

namespace CrossCheck.Evidence;

/// <summary>
/// Cuts a source into passages of whole sentences, at most <see cref="MaxWords"/> words each,
/// never across a page, a paragraph break or a section heading, so each passage has one page
/// and one section. A heading stays with the paragraph under it: a passage of a bare heading
/// is no evidence, and the heading tells what the paragraph is about.
/// </summary>
public sealed class PassageSplitter
{
    public int MaxWords { get; init; } = 90;

    public IReadOnlyList<Passage> Split(Document source)
    {
        var passages = new List<Passage>();
        foreach (var page in source.Pages)
        {
            var blockStart = page.Start;
            var cuts = source.Sections.Where(s => s.Start > page.Start && s.Start < page.End).Select(s => s.Start).Append(page.End);
            var headings = source.Sections.Where(s => s.Start >= page.Start && s.Start < page.End).Select(s => s.Start).ToHashSet();
            foreach (var cut in cuts)
            {
                AddBlock(source, page, blockStart, cut, headings.Contains(blockStart) ? LineEnd(source.Text, blockStart, cut) : blockStart, passages);
                blockStart = cut;
            }
        }
        return passages;
    }

    private static int LineEnd(string text, int from, int to)
    {
        var newline = text.IndexOf('\n', from, to - from);
        return newline < 0 ? to : newline;
    }

    /// <param name="headingEnd">Where the block's heading line ends (<paramref name="from"/> when it has none): no paragraph cut before the first text under it.</param>
    private void AddBlock(Document source, Page page, int from, int to, int headingEnd, List<Passage> passages)
    {
        var sentences = SentenceSplitter.Split(source.Text, from, to);
        var start = -1;
        var end = -1;
        var words = 0;
        foreach (var (s, e) in sentences)
        {
            var count = CountWords(source.Text, s, e);
            if (start >= 0 && (words + count > MaxWords || (end > headingEnd && HasParagraphBreak(source.Text, end, s))))
            {
                Add(source, page, start, end, passages);
                start = -1;
                words = 0;
            }
            if (start < 0)
            {
                start = s;
            }
            end = e;
            words += count;
        }
        if (start >= 0)
        {
            Add(source, page, start, end, passages);
        }
    }

    private static void Add(Document source, Page page, int start, int end, List<Passage> passages)
    {
        var id = $"{source.Id}#{passages.Count + 1}";
        passages.Add(new Passage(id, source, start, end, page.Number, source.SectionAt(start)));
    }

    private static bool HasParagraphBreak(string text, int from, int to)
    {
        var newlines = 0;
        for (var i = from; i < to; i++)
        {
            if (text[i] == '\n' && ++newlines >= 2)
            {
                return true;
            }
        }
        return false;
    }

    private static int CountWords(string text, int from, int to)
    {
        var count = 0;
        var inWord = false;
        for (var i = from; i < to; i++)
        {
            var letter = !char.IsWhiteSpace(text[i]);
            if (letter && !inWord)
            {
                count++;
            }
            inWord = letter;
        }
        return count;
    }
}
