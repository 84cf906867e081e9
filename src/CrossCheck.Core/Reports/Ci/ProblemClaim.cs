using CrossCheck.Checks;

namespace CrossCheck.Reports.Ci;

/// <summary>
/// A claim a pipeline should look at (contradicted, not in the source, only partly supported, or failed): where it
/// stands in the essay (1-based lines and UTF-16 columns, end exclusive), why, and where the evidence is.
/// </summary>
public sealed record ProblemClaim(
    string Id,
    Verdict Verdict,
    string Text,
    string Reason,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string? EvidenceSource,
    int? EvidencePage)
{
    /// <summary>The reason cut to one line of at most <paramref name="max"/> characters, for consoles and annotations.</summary>
    public string ShortReason(int max = 140)
    {
        var flat = string.Join(' ', Reason.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>"source.pdf p. 4", or null when no passage was found.</summary>
    public string? Evidence => EvidenceSource is null ? null : $"{EvidenceSource} p. {EvidencePage}";
}
