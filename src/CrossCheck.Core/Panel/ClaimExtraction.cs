using System.Text.Json;
using CrossCheck.Claims;
using CrossCheck.Ingest;
using CrossCheck.Models;
using CrossCheck.Provenance;

namespace CrossCheck.Panel;

/// <summary>
/// The extraction stage: one panelist lists the essay's claims; each must quote its span of the essay verbatim.
/// Spans found in the essay that no offline claim covers become new claims; those not found are rejected and logged.
/// </summary>
public sealed class ClaimExtraction(StageCaller caller, ProvenanceLog? log)
{
    private const int ChunkCharacters = 6000;

    public async Task<IReadOnlyList<Claim>> ExtractAsync(PanelistSpec extractor, Document essay, IReadOnlyList<Claim> offline, CancellationToken cancellationToken)
    {
        var added = new List<Claim>();
        var covered = offline.SelectMany(c => c.Occurrences).Select(o => (o.Start, o.End)).ToList();
        var folded = essay.Normalized;
        foreach (var chunk in Chunks(essay.Text, ChunkCharacters))
        {
            var answer = await caller.AskAsync(Stage.Extract, extractor, 1, "essay", new { essay_excerpt = chunk }, reserve: true, cancellationToken).ConfigureAwait(false);
            if (answer.Parsed is not { } parsed || !parsed.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            foreach (var item in claims.EnumerateArray())
            {
                var text = item.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()?.Trim() : null;
                if (string.IsNullOrEmpty(text))
                {
                    continue;
                }
                var start = essay.Text.IndexOf(text, StringComparison.Ordinal);
                var length = text.Length;
                if (start < 0)
                {
                    var at = folded.Text.IndexOf(TextNormalizer.Fold(text), StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        (start, length) = folded.ToOriginal(at, TextNormalizer.Fold(text).Length);
                    }
                }
                if (start < 0)
                {
                    log?.Append(new ClaimRejectedEntry(extractor.Id, text, "not found verbatim in the essay"));
                    continue;
                }
                var end = start + length;
                if (covered.Any(c => c.Start < end && start < c.End))
                {
                    continue;
                }
                covered.Add((start, end));
                var line = essay.Text.AsSpan(0, start).Count('\n');
                var column = start - (essay.Text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1) + 1;
                var claim = ClaimExtractor.Build($"X{added.Count + 1}", ClaimExtractor.Clean(essay.Text.Substring(start, length)), [new Occurrence(line + 1, column, start, end)]);
                added.Add(claim);
                log?.Append(new ClaimExtractedEntry(claim.Id, claim.Text, claim.Kind, claim.Checkable, claim.CheckableReason, extractor.Id, claim.Occurrences));
            }
        }
        return added;
    }

    /// <summary>Pieces of at most <paramref name="size"/> characters, cut at a paragraph break where there is one.</summary>
    internal static IEnumerable<string> Chunks(string text, int size)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + size);
            if (end < text.Length)
            {
                var cut = text.LastIndexOf("\n\n", end, end - start, StringComparison.Ordinal);
                if (cut > start)
                {
                    end = cut;
                }
            }
            yield return text[start..end];
            start = end;
        }
    }
}
