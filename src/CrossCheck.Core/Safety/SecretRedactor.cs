using System.Text.RegularExpressions;

namespace CrossCheck.Safety;

/// <summary>
/// Removes secrets from any text that came back from a provider (answer bodies, error bodies,
/// echoed headers, exception messages) before it reaches the log, a report or the console.
/// Two nets: every configured key's exact value (and any 12-character or longer piece of it, for
/// gateways that echo a key cut short), and anything shaped like a credential — a bearer token,
/// an <c>api-key</c>/<c>authorization</c> header value, or a token with a known key prefix
/// (<c>sk-</c>, <c>sk-ant-</c>, <c>xai-</c>, <c>AIza</c>, <c>gsk_</c>, <c>hf_</c>, <c>ghp_</c>,
/// <c>github_pat_</c>, <c>AKIA</c>). Hex hashes (SHA-256 in the provenance chain) are not key-shaped
/// and are left alone.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "[REDACTED]";
    private const int MinPiece = 12;

    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string?> secrets)
    {
        _secrets = secrets
            .Where(s => !string.IsNullOrWhiteSpace(s) && s.Trim().Length >= 8)
            .Select(s => s!.Trim())
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>A redactor for the secrets in the environment: every variable whose name ends in
    /// KEY, TOKEN, SECRET or PASSWORD (API keys included), plus the named ones.</summary>
    public static SecretRedactor FromEnvironment(Func<string, string?> environment, IEnumerable<string> names) =>
        new(SecretsInEnvironment().Concat(names.Select(environment)));

    /// <summary>The values of this process's environment variables whose names end in KEY, TOKEN, SECRET or PASSWORD.</summary>
    public static IEnumerable<string?> SecretsInEnvironment()
    {
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            if (e.Key is string name && IsSecretName(name))
            {
                yield return e.Value as string;
            }
        }
    }

    public static bool IsSecretName(string name)
    {
        var upper = name.ToUpperInvariant();
        return upper.EndsWith("KEY", StringComparison.Ordinal) || upper.EndsWith("TOKEN", StringComparison.Ordinal)
            || upper.EndsWith("SECRET", StringComparison.Ordinal) || upper.EndsWith("PASSWORD", StringComparison.Ordinal);
    }

    public static SecretRedactor None { get; } = new([]);

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        var result = text;
        foreach (var secret in _secrets)
        {
            result = RedactSecret(result, secret);
        }
        result = HeaderValue().Replace(result, m => m.Groups["name"].Value + m.Groups["sep"].Value + Mask);
        result = Bearer().Replace(result, m => m.Groups["word"].Value + " " + Mask);
        result = Prefixed().Replace(result, Mask);
        return result;
    }

    /// <summary>True when <see cref="Redact"/> would change the text.</summary>
    public bool Finds(string? text) => !string.Equals(Redact(text), text ?? "", StringComparison.Ordinal);

    private static string RedactSecret(string text, string secret)
    {
        if (text.Contains(secret, StringComparison.Ordinal))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        if (secret.Length <= MinPiece)
        {
            return text;
        }
        // A gateway may echo part of a key; any piece of MinPiece characters or more is masked.
        for (var start = 0; start + MinPiece <= secret.Length; start++)
        {
            var probe = secret.Substring(start, MinPiece);
            var at = text.IndexOf(probe, StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = at + MinPiece;
                var i = start + MinPiece;
                while (end < text.Length && i < secret.Length && text[end] == secret[i])
                {
                    end++;
                    i++;
                }
                var begin = at;
                var j = start - 1;
                while (begin > 0 && j >= 0 && text[begin - 1] == secret[j])
                {
                    begin--;
                    j--;
                }
                text = string.Concat(text.AsSpan(0, begin), Mask, text.AsSpan(end));
                at = text.IndexOf(probe, begin + Mask.Length, StringComparison.Ordinal);
            }
        }
        return text;
    }

    [GeneratedRegex(@"(?<name>\b(?:x-api-key|api[-_]?key|x-goog-api-key|authorization|proxy-authorization|api-token|access[-_]token)\b""?)(?<sep>\s*[:=]\s*""?)(?!\[REDACTED\])[^\s"",;}]{6,}(?:\s+[^\s"",;}]{16,})?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderValue();

    [GeneratedRegex(@"(?<word>\b(?:Bearer|Basic|Token))\s+(?!\[REDACTED\])[A-Za-z0-9._~+/=\-]{8,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"\b(?:sk-ant-[A-Za-z0-9_\-]{8,}|sk-(?:proj-)?[A-Za-z0-9_\-]{16,}|xai-[A-Za-z0-9_\-]{16,}|AIza[0-9A-Za-z_\-]{30,}|gsk_[A-Za-z0-9]{20,}|hf_[A-Za-z0-9]{20,}|ghp_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|AKIA[0-9A-Z]{16})", RegexOptions.CultureInvariant)]
    private static partial Regex Prefixed();
}
