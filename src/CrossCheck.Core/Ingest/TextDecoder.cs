using System.Text;

namespace CrossCheck.Ingest;

/// <summary>
/// Turns a text file's bytes into a string: UTF-8 (with or without a byte order mark) and UTF-16
/// (with a byte order mark, or without one when the zero bytes fall on every other byte as they do
/// in UTF-16 text). Anything else is refused with one line that names the likely encoding and the
/// command that converts it.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(string path, byte[] bytes, string role)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            // A UTF-16 file with its byte order mark is unambiguous text.
            return new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        }
        if (Utf16WithoutMark(bytes) is { } utf16)
        {
            return utf16;
        }
        var probe = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        if (probe.Contains((byte)0) || LooksLikeBinary(probe))
        {
            throw new InputException($"{path}: looks like a binary file, not {Article(role)} {role} in text form; give a .md, .txt or .pdf file.");
        }
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            var guess = GuessLegacyEncoding(bytes);
            throw new InputException(
                $"{path}: is not UTF-8 text (it looks like {guess}); convert it first, e.g. iconv -f {guess} -t utf-8 \"{path}\" > converted{Path.GetExtension(path)}");
        }
    }

    /// <summary>"an essay", "a source".</summary>
    public static string Article(string noun) => noun.Length > 0 && "aeiouAEIOU".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>
    /// The detector's guess, except that a Western single-byte guess (ISO-8859-1, or a Central
    /// European code page whose reading of these bytes is the same as Windows-1252's) is named
    /// windows-1252: it is the common encoding and converting from it gives the same text.
    /// </summary>
    internal static string GuessLegacyEncoding(byte[] bytes)
    {
        var detected = UtfUnknown.CharsetDetector.DetectFromBytes(bytes).Detected?.EncodingName;
        if (string.IsNullOrEmpty(detected))
        {
            return "windows-1252";
        }
        try
        {
            var western = Encoding.GetEncoding(1252).GetString(bytes);
            var guessed = Encoding.GetEncoding(detected).GetString(bytes);
            return string.Equals(western, guessed, StringComparison.Ordinal) ? "windows-1252" : detected;
        }
        catch (ArgumentException)
        {
            return detected;
        }
    }

    /// <summary>
    /// UTF-16 text without a byte order mark has a zero on every other byte while it stays in
    /// the Latin range. Decoded only when nearly all of one parity is zero, the other parity is
    /// not, and the result holds no control characters.
    /// </summary>
    private static string? Utf16WithoutMark(byte[] bytes)
    {
        var length = Math.Min(bytes.Length, 8192) & ~1;
        if (length < 8)
        {
            return null;
        }
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < length; i += 2)
        {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }
        var pairs = length / 2;
        Encoding? encoding = oddZeros >= pairs * 0.7 && evenZeros <= pairs * 0.05 ? new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true)
            : evenZeros >= pairs * 0.7 && oddZeros <= pairs * 0.05 ? new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true)
            : null;
        if (encoding is null || bytes.Length % 2 != 0)
        {
            return null;
        }
        try
        {
            var text = encoding.GetString(bytes);
            return text.Any(c => c < '\t' || (c > '\r' && c < ' ' && c != '\u001B')) ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool LooksLikeBinary(ReadOnlySpan<byte> probe)
    {
        var control = 0;
        foreach (var b in probe)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                control++;
            }
        }
        return probe.Length > 0 && control > probe.Length / 100 + 2;
    }
}
