using System.Text.RegularExpressions;
using CrossCheck.Ingest;
using Markdig;
using Markdig.Syntax;

namespace CrossCheck.Claims;

/// <summary>
/// Cuts an essay into claims: one per sentence of its prose (Markdown paragraphs, list items and
/// block quotes; headings and code are left out), each with its kind, checkable flag and every
/// occurrence. Sentences that are the same once folded give one claim.
/// </summary>
public static partial class ClaimExtractor
{
    [GeneratedRegex(@"\[(?<t>[^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(\*\*|__|\*|`)")]
    private static partial Regex MarkdownEmphasis();

    [GeneratedRegex(@"\[\^[^\]\s]+\](?!:)")]
    private static partial Regex FootnoteReference();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static IReadOnlyList<Claim> Extract(Document essay) => Extract(essay, int.MaxValue);

    /// <summary>
    /// Like <see cref="Extract(Document)"/>, but stops at the first claim past <paramref name="maxClaims"/> and returns
    /// <paramref name="maxClaims"/> + 1 claims (the later occurrences of those not gathered): enough for the caller to
    /// refuse the essay without building every claim of a 10 MiB one.
    /// </summary>
    public static IReadOnlyList<Claim> Extract(Document essay, int maxClaims)
    {
        var text = essay.Text;
        var lineStarts = LineStarts(text);
        var byKey = new Dictionary<string, (string Text, List<Occurrence> Occurrences)>();
        var order = new List<string>();
        foreach (var (blockStart, blockEnd) in ProseBlocks(essay))
        {
            if (order.Count > maxClaims)
            {
                break;
            }
            foreach (var (start, end) in SentenceSplitter.Split(text, blockStart, blockEnd))
            {
                var sentence = Clean(text[start..end]);
                if (sentence.Length == 0 || !sentence.Any(char.IsLetter))
                {
                    continue;
                }
                // Sentences that differ only in spacing ("71.4 %" and "71.4%") are one claim.
                var key = string.Concat(TextNormalizer.Fold(sentence).Where(c => !char.IsWhiteSpace(c)));
                if (!byKey.TryGetValue(key, out var entry))
                {
                    if (order.Count > maxClaims)
                    {
                        break;
                    }
                    entry = (sentence, []);
                    byKey[key] = entry;
                    order.Add(key);
                }
                var line = LineOf(lineStarts, start);
                entry.Occurrences.Add(new Occurrence(line + 1, start - lineStarts[line] + 1, start, end));
            }
        }
        var claims = new List<Claim>(order.Count);
        foreach (var key in order)
        {
            var (sentence, occurrences) = byKey[key];
            claims.Add(Build($"C{claims.Count + 1}", sentence, occurrences));
        }
        return claims;
    }

    /// <summary>Builds a claim from one sentence (also used for claims that come from elsewhere).</summary>
    public static Claim Build(string id, string sentence, IReadOnlyList<Occurrence> occurrences)
    {
        var quotes = ClaimParts.Quotes(sentence);
        var sections = ClaimParts.SectionReferences(sentence);
        var sectionSpans = ClaimParts.SectionReferenceSpans(sentence);
        var numbers = NumberExtractor.Extract(sentence)
            .Where(n => !sectionSpans.Any(s => n.Start >= s.Start && n.Start < s.End))
            .ToArray();
        var (checkable, reason) = CheckWorthiness.Judge(sentence, quotes.Count > 0, numbers.Length > 0, sections.Count > 0);
        var kind = !checkable ? ClaimKind.Opinion
            : quotes.Count > 0 ? ClaimKind.Quote
            : sections.Count > 0 ? ClaimKind.SectionReference
            : numbers.Length > 0 ? ClaimKind.Number
            : ClaimKind.Factual;
        return new Claim
        {
            Id = id,
            Text = sentence,
            Kind = kind,
            Checkable = checkable,
            CheckableReason = reason,
            Quotes = quotes,
            Numbers = numbers,
            SectionReferences = sections,
            Occurrences = occurrences,
        };
    }

    /// <summary>Removes Markdown inline syntax (emphasis, code ticks, link targets) and folds whitespace.</summary>
    public static string Clean(string raw)
    {
        var s = MarkdownLink().Replace(raw, "${t}");
        s = MarkdownEmphasis().Replace(s, "");
        s = FootnoteReference().Replace(s, "");
        s = Regex.Replace(s, @"(?<!\w)_(?=\w)|(?<=\w)_(?!\w)", "");
        s = Regex.Replace(s, @"^\s*(?:[-+*]|\d+[.)])\s+", "");
        s = s.TrimStart('>', ' ');
        return Whitespace().Replace(s, " ").Trim();
    }

    private static IEnumerable<(int Start, int End)> ProseBlocks(Document essay)
    {
        if (essay.Kind is not (DocumentKind.Markdown or DocumentKind.Docx))
        {
            return [(0, essay.Text.Length)];
        }
        var parsed = Markdown.Parse(essay.Text, new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build());
        return parsed.Descendants<ParagraphBlock>()
            .Where(p => p.Parent is not null && p.Span.Length > 0)
            .Select(p => (p.Span.Start, Math.Min(essay.Text.Length, p.Span.End + 1)))
            .ToArray();
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return [.. starts];
    }

    private static int LineOf(int[] lineStarts, int offset)
    {
        var index = Array.BinarySearch(lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }
}
