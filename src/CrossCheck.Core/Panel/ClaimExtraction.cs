using System.Text.Json;
using CrossCheck.Claims;
using CrossCheck.Ingest;
using CrossCheck.Models;
using CrossCheck.Provenance;

namespace CrossCheck.Panel;

/// <summary>
/// The extraction stage: one panelist lists the essay's claims; each must quote its span of the essay verbatim.
/// Spans found in the essay that no offline claim covers become new claims; those not found are rejected and logged.
/// An excerpt whose extraction fails (the call, or the answer even after its repair) is asked again of the next
/// available panelist in panel order, which then keeps the role for the excerpts after it; every failure is an
/// <c>extraction_failed</c> record and part of <see cref="Report"/>.
/// </summary>
public sealed class ClaimExtraction(StageCaller caller, ProvenanceLog? log)
{
    private const int ChunkCharacters = 6000;

    /// <summary>How the last <see cref="ExtractAsync"/> went.</summary>
    public ExtractionReport Report { get; private set; } = ExtractionReport.None;

    /// <param name="extractors">The panelists who may extract, in the order they are tried (the first available first).</param>
    public async Task<IReadOnlyList<Claim>> ExtractAsync(IReadOnlyList<PanelistSpec> extractors, Document essay, IReadOnlyList<Claim> offline, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(extractors.Count);
        var added = new List<Claim>();
        var covered = offline.SelectMany(c => c.Occurrences).Select(o => (o.Start, o.End)).ToList();
        var folded = essay.Normalized;
        var chunks = Chunks(essay.Text, ChunkCharacters).ToArray();
        var failures = new List<ExtractionFailure>();
        var missed = new List<int>();
        var origins = new List<string>();
        var current = 0;
        for (var index = 0; index < chunks.Length; index++)
        {
            JsonElement claims = default;
            PanelistSpec? extractor = null;
            while (true)
            {
                var candidate = extractors[current];
                var answer = await caller.AskAsync(Stage.Extract, candidate, 1, "essay", new { essay_excerpt = chunks[index] }, reserve: true, cancellationToken).ConfigureAwait(false);
                if (answer.Stats.Origin is { } origin)
                {
                    origins.Add(origin);
                }
                if (answer.Parsed is { } parsed && parsed.TryGetProperty("claims", out claims) && claims.ValueKind == JsonValueKind.Array)
                {
                    extractor = candidate;
                    break;
                }
                var next = current + 1 < extractors.Count ? extractors[current + 1] : null;
                var kind = answer.Failed && answer.RawText.Length == 0 ? "call failed" : "invalid answer";
                var error = answer.Error ?? "the answer holds no list of claims";
                failures.Add(new ExtractionFailure(index + 1, candidate.Id, kind, error, next?.Id));
                log?.Append(new ExtractionFailedEntry(index + 1, chunks.Length, candidate.Id, kind, error, next?.Id));
                if (next is null)
                {
                    break;
                }
                current++;
            }
            if (extractor is null)
            {
                missed.Add(index + 1);
                // Nobody is left: later excerpts start again from the first panelist rather than being skipped unasked.
                current = 0;
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
        Report = new ExtractionReport(chunks.Length, failures, missed, origins);
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
