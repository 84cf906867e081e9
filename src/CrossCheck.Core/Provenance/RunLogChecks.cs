using System.Text.Json;
using System.Text.RegularExpressions;
using CrossCheck.Provenance.Verification;
using CrossCheck.Safety;

namespace CrossCheck.Provenance;

/// <summary>
/// What a finished run's log must satisfy beyond its chain, each failure with its own kind and message: it ends with
/// exactly one run_end (a cut tail, or records appended after the end, are caught); its head is the one run.json and
/// methodology.md published (a rewrite with recomputed hashes is caught); and, when run.json holds a signature, the
/// signature of the head verifies — with the pinned key when one is given.
/// </summary>
internal static partial class RunLogChecks
{
    public static VerificationResult Check(string logPath, string specPath, VerificationResult chain, string? pinnedPublicKeyPem)
    {
        var (runEnds, lastType, stray) = Count(logPath);
        if (runEnds == 0)
        {
            return Broken(chain, ChainBreakKind.CutTail,
                $"cut tail: the log ends with a {lastType ?? "missing"} record, not run_end, though run.json says the run finished; records were removed from the end of the log");
        }
        if (stray is { } after || lastType is not (ProvenanceVerifier.RunEndType or ReviewEndType))
        {
            return Broken(chain, ChainBreakKind.RecordsAfterRunEnd,
                $"records after run_end: a {stray ?? lastType} record follows a run_end (only a run_resumed may, when a run that crashed before its folder was renamed is resumed, or an editor's review: human records closed by review_end); something was appended after the run finished");
        }
        var (runId, seal) = LogSeal.ReadFrom(specPath);
        if (seal is not null && !string.Equals(seal.HeadSha256, chain.LastHash, StringComparison.Ordinal))
        {
            return Broken(chain, ChainBreakKind.HeadMismatch,
                $"head hash differs from run.json: the log's last record hashes to {chain.LastHash}, run.json published {seal.HeadSha256}; the log was rewritten or its end edited");
        }
        var methodology = Path.Combine(Path.GetDirectoryName(specPath)!, "methodology.md");
        if (File.Exists(methodology) && MethodologyHead().Match(File.ReadAllText(methodology)) is { Success: true } m
            && !string.Equals(m.Groups[1].Value, chain.LastHash, StringComparison.Ordinal))
        {
            return Broken(chain, ChainBreakKind.HeadMismatch,
                $"head hash differs from methodology.md: the log's last record hashes to {chain.LastHash}, methodology.md published {m.Groups[1].Value}");
        }
        if (seal is null || !seal.IsSigned)
        {
            return pinnedPublicKeyPem is null
                ? chain
                : Broken(chain, ChainBreakKind.UnknownSigner, "unsigned: run.json holds no signature of the log's head, so it cannot be checked against the pinned key");
        }
        bool valid;
        try
        {
            valid = InstallationKey.Verify(seal.PublicKey!, runId ?? "", chain.LastHash, seal.Signature!);
        }
        catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            valid = false;
        }
        if (!valid)
        {
            return Broken(chain, ChainBreakKind.SignatureInvalid,
                $"signature invalid: run.json's signature (key {seal.KeyId}) does not verify against the log's head {chain.LastHash}; the log or its seal was changed after signing");
        }
        var signer = InstallationKey.IdOfPem(seal.PublicKey!);
        if (pinnedPublicKeyPem is not null && InstallationKey.IdOfPem(pinnedPublicKeyPem) is var pinned && pinned != signer)
        {
            return Broken(chain, ChainBreakKind.UnknownSigner,
                $"signed by another key: the head is signed by key {signer}, not by the pinned key {pinned}; the log may have been rewritten and re-signed elsewhere");
        }
        return chain with { SignedBy = signer };
    }

    private static VerificationResult Broken(VerificationResult chain, ChainBreakKind kind, string reason) =>
        chain with { Break = new ChainBreak(chain.Records, chain.Records - 1, kind, reason) };

    /// <summary>run_end records, the last record's type, and the first record after a run_end that is not run_resumed.</summary>
    private static (int RunEnds, string? LastType, string? Stray) Count(string path)
    {
        var runEnds = 0;
        string? last = null;
        string? stray = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }
            using var doc = JsonDocument.Parse(line);
            var type = doc.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (last == HumanType && type is not (HumanType or ReviewEndType))
            {
                stray ??= type;
            }
            if (last == ProvenanceVerifier.RunEndType && type is not ("run_resumed" or HumanType or ReviewEndType))
            {
                stray ??= type;
            }
            last = type;
            if (last == ProvenanceVerifier.RunEndType)
            {
                runEnds++;
            }
        }
        return (runEnds, last, stray);
    }

    // An editor's review (crosscheck review) appends these after run_end; see Review.HumanReview.
    private const string HumanType = "human";
    private const string ReviewEndType = "review_end";

    [GeneratedRegex(@"last record hash `([0-9a-f]{64})`")]
    private static partial Regex MethodologyHead();
}
