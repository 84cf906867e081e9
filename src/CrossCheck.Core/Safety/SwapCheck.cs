using System.Text;
using CrossCheck.Ingest;

namespace CrossCheck.Safety;

/// <summary>
/// Essay and source swapped, or the essay given again as a source in another form (a PDF of the Markdown draft):
/// inputs that load but are surely not what the user meant. Each becomes a warning on the document (console,
/// report.md, report.html, methodology.md and the log's ingest record). Two signs, each cheap:
/// <list type="bullet">
/// <item>the essay is much longer than all its sources together (an essay is usually far shorter than what it is about);</item>
/// <item>most of the essay's sentences appear word for word in a source no longer than a few essays: that source is the essay.</item>
/// </list>
/// </summary>
public static class SwapCheck
{
    /// <summary>The essay is this many times longer (in words) than all sources together…</summary>
    public const int LongerFactor = 3;

    /// <summary>…and at least this long, so a short note about a shorter press release is not warned about.</summary>
    public const int MinEssayWords = 1500;

    /// <summary>Share of the sampled essay sentences found word for word in one source.</summary>
    public const double VerbatimShare = 0.8;

    private const int Sample = 40;

    public static void Warn(Document essay, IReadOnlyList<Document> sources, IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(essay);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(sentences);
        var essayWords = Words(essay.Text);
        var sourceWords = sources.Sum(s => (long)Words(s.Text));
        if (sources.Count > 0 && essayWords >= MinEssayWords && essayWords > LongerFactor * sourceWords)
        {
            essay.Warnings.Add($"the essay ({essayWords:N0} words) is more than {LongerFactor} times longer than all its sources together ({sourceWords:N0} words); check that essay and source are not swapped");
        }
        var sample = Spread(sentences.Where(s => s.Length >= 40).ToArray(), Sample);
        if (sample.Count < 5)
        {
            return;
        }
        var needles = sample.Select(Flatten).ToArray();
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (source.Sha256 == essay.Sha256 || source.Text.Length > 3L * essay.Text.Length)
            {
                continue; // the same file is warned about already; a much longer source is not the essay
            }
            var haystack = Flatten(source.Text);
            var found = needles.Count(n => haystack.Contains(n, StringComparison.Ordinal));
            if (found >= VerbatimShare * needles.Length)
            {
                source.Warnings.Add($"{found} of {needles.Length} essay sentences sampled appear word for word in this source, which is no longer than the essay: is the essay given as a source (or essay and source swapped)?");
            }
        }
    }

    private static int Words(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            var letter = char.IsLetterOrDigit(ch);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }
        return words;
    }

    /// <summary>Lower case, letters and digits only, one space between words: the same sentence from a PDF and from Markdown compares equal.</summary>
    private static string Flatten(string text)
    {
        var output = new StringBuilder(text.Length);
        var space = true;
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(ch))
            {
                output.Append(char.ToLowerInvariant(ch));
                space = false;
            }
            else if (!space)
            {
                output.Append(' ');
                space = true;
            }
        }
        return output.ToString().TrimEnd();
    }

    private static List<string> Spread(string[] items, int count) =>
        items.Length <= count ? [.. items] : [.. Enumerable.Range(0, count).Select(i => items[(int)((long)i * items.Length / count)])];
}
