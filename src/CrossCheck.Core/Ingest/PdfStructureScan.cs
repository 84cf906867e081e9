using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace CrossCheck.Ingest;

/// <summary>What a structural look at a PDF's raw bytes found.</summary>
/// <param name="DecodedBytes">Bytes that the Flate streams inflate to (counted up to the budget).</param>
/// <param name="OverBudget">True when the streams inflate to more than the budget: a compression bomb.</param>
/// <param name="Problems">Damage found: broken xref entries, wrong stream lengths, streams that do not inflate, no end marker.</param>
public sealed record PdfStructure(long DecodedBytes, bool OverBudget, IReadOnlyList<string> Problems);

/// <summary>
/// Looks at a PDF's bytes before PdfPig parses it, for two things PdfPig does not tell: how much
/// its compressed streams inflate to (checked against a budget, inflating in small chunks, so a
/// 3 GiB stream costs no memory), and damage that PdfPig repairs silently — cross-reference
/// entries that do not point at their object, streams whose <c>/Length</c> disagrees with where
/// <c>endstream</c> stands, Flate data that does not inflate, a missing <c>%%EOF</c>. It does not
/// prove a PDF intact: a changed byte inside a text string leaves a well-formed file.
/// (Over 250 lines: the byte-level stream, xref and object checks belong together.)
/// </summary>
public static partial class PdfStructureScan
{
    private const int MaxProblems = 8;

    /// <summary>Inflated data is counted, not kept: one small buffer for the whole scan.</summary>
    private const int InflateBuffer = 16 * 1024;

    public static PdfStructure Scan(byte[] bytes, long decodedBudget, CancellationToken cancellationToken = default)
    {
        // Works on the bytes themselves: a Latin-1 copy of the file (twice its size) is decoded
        // only for the few small windows that regular expressions read (a stream's dictionary, the xref table).
        var problems = new List<string>();
        CheckEnd(bytes, problems);
        CheckXref(bytes, problems);
        long decoded = 0;
        var over = false;
        var buffer = ArrayPool<byte>.Shared.Rent(InflateBuffer);
        try
        {
            var pos = 0;
            while (NextStream(bytes, pos) is var (keyword, dataStart) && keyword >= 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                pos = dataStart;
                var found = bytes.AsSpan(dataStart).IndexOf("endstream"u8);
                if (found < 0)
                {
                    Add(problems, $"a stream at byte {keyword} has no endstream");
                    break;
                }
                var end = dataStart + found;
                var dict = Dictionary(bytes, keyword);
                CheckLength(dict, dataStart, end, keyword, problems);
                if (!dict.Contains("/FlateDecode", StringComparison.Ordinal) && !FlAbbrev().IsMatch(dict))
                {
                    continue;
                }
                var (count, ok) = Inflate(bytes, dataStart, end - dataStart, decodedBudget - decoded, buffer);
                decoded += count;
                if (decoded >= decodedBudget)
                {
                    over = true;
                    break;
                }
                if (!ok)
                {
                    Add(problems, $"the compressed stream at byte {keyword} does not inflate");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return new PdfStructure(decoded, over, problems);
    }

    /// <summary>The next "stream" keyword at or after <paramref name="from"/> that follows a dictionary's "&gt;&gt;" (spaces between) and ends its line; (-1, -1) when none is left.</summary>
    private static (int Keyword, int DataStart) NextStream(byte[] bytes, int from)
    {
        var span = bytes.AsSpan();
        for (var at = from; at < span.Length;)
        {
            var found = span[at..].IndexOf("stream"u8);
            if (found < 0)
            {
                break;
            }
            var keyword = at + found;
            at = keyword + 1;
            var data = keyword + 6;
            if (data < span.Length && span[data] == (byte)'\r')
            {
                data++;
            }
            if (data >= span.Length || span[data] != (byte)'\n')
            {
                continue;
            }
            var before = keyword - 1;
            while (before >= 0 && IsSpace(span[before]))
            {
                before--;
            }
            if (before >= 1 && span[before] == (byte)'>' && span[before - 1] == (byte)'>')
            {
                return (keyword, data + 1);
            }
        }
        return (-1, -1);
    }

    /// <summary>What a regular expression's \s matches in Latin-1.</summary>
    private static bool IsSpace(byte b) => b is (>= 9 and <= 13) or 32 or 0x85 or 0xA0;

    private static string Latin1(byte[] bytes, int start, int length) => Encoding.Latin1.GetString(bytes, start, length);

    private static void CheckEnd(byte[] bytes, List<string> problems)
    {
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - 2048));
        if (tail.IndexOf("%%EOF"u8) < 0)
        {
            Add(problems, "the file has no %%EOF end marker (cut short?)");
        }
    }

    private static void CheckXref(byte[] bytes, List<string> problems)
    {
        // The last "startxref" followed by its offset, as the last match of StartXref() over the whole file.
        Match? start = null;
        for (var end = bytes.Length; end > 0 && start is null;)
        {
            var at = bytes.AsSpan(0, end).LastIndexOf("startxref"u8);
            if (at < 0)
            {
                break;
            }
            var m = StartXref().Match(Latin1(bytes, at, Math.Min(bytes.Length - at, 256)));
            start = m.Success && m.Index == 0 ? m : null;
            end = at;
        }
        if (start is null)
        {
            Add(problems, "no startxref: the cross-reference table is missing");
            return;
        }
        if (!long.TryParse(start.Groups[1].Value, out var offset) || offset < 0 || offset >= bytes.Length)
        {
            Add(problems, "startxref points outside the file");
            return;
        }
        if (bytes.AsSpan((int)offset).StartsWith("xref"u8))
        {
            CheckXrefTable(bytes, (int)offset, problems);
        }
        else if (!ObjectHeader().IsMatch(Latin1(bytes, (int)offset, Math.Min(40, bytes.Length - (int)offset))))
        {
            Add(problems, $"startxref ({offset}) does not point at a cross-reference table or stream");
        }
    }

    private static void CheckXrefTable(byte[] bytes, int offset, List<string> problems)
    {
        // The table runs up to its trailer; only that window is decoded.
        var trailer = bytes.AsSpan(offset).IndexOf("trailer"u8);
        var table = Latin1(bytes, offset, trailer < 0 ? bytes.Length - offset : trailer + 7);
        var pos = 4;
        var bad = 0;
        while (true)
        {
            var header = SubsectionHeader().Match(table, pos);
            if (!header.Success || header.Index != pos)
            {
                break;
            }
            var first = int.Parse(header.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var count = int.Parse(header.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            pos = header.Index + header.Length;
            for (var i = 0; i < count; i++)
            {
                var entry = Entry().Match(table, pos);
                if (!entry.Success || entry.Index != pos)
                {
                    Add(problems, $"cross-reference entry {first + i} is malformed");
                    return;
                }
                pos = entry.Index + entry.Length;
                if (entry.Groups[3].Value != "n")
                {
                    continue;
                }
                var objectOffset = long.Parse(entry.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                var expected = $"{first + i} {int.Parse(entry.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)} obj";
                if (objectOffset >= bytes.Length || !StartsObject(bytes, (int)objectOffset, expected))
                {
                    bad++;
                }
            }
        }
        if (bad > 0)
        {
            Add(problems, $"{bad} cross-reference entr{(bad == 1 ? "y does" : "ies do")} not point at their object");
        }
    }

    /// <summary>Whether the bytes at <paramref name="at"/>, after line breaks, tabs and spaces, start with <paramref name="expected"/> (ASCII).</summary>
    private static bool StartsObject(byte[] bytes, int at, string expected)
    {
        while (at < bytes.Length && bytes[at] is (byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)' ')
        {
            at++;
        }
        if (bytes.Length - at < expected.Length)
        {
            return false;
        }
        for (var i = 0; i < expected.Length; i++)
        {
            if (bytes[at + i] != expected[i])
            {
                return false;
            }
        }
        return true;
    }

    private static void CheckLength(string dict, int dataStart, int end, int at, List<string> problems)
    {
        var length = LengthEntry().Match(dict);
        if (!length.Success || !long.TryParse(length.Groups[1].Value, out var declared))
        {
            return; // an indirect /Length (n 0 R) is not resolved here
        }
        var actual = end - dataStart;
        // The data is followed by an optional EOL before "endstream".
        if (declared > actual || declared < actual - 2)
        {
            Add(problems, $"the stream at byte {at} says /Length {declared} but holds {actual} bytes");
        }
    }

    private static (long Count, bool Ok) Inflate(byte[] bytes, int start, int length, long budget, byte[] buffer)
    {
        long total = 0;
        try
        {
            using var input = new MemoryStream(bytes, start, length, writable: false);
            using var z = new ZLibStream(input, CompressionMode.Decompress);
            int read;
            while ((read = z.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total >= budget)
                {
                    return (total, true);
                }
            }
            return (total, true);
        }
        catch (InvalidDataException)
        {
            return (total, total > 0);
        }
    }

    private static string Dictionary(byte[] bytes, int streamKeyword)
    {
        var from = Math.Max(0, streamKeyword - 4096);
        var open = bytes.AsSpan(from, streamKeyword - from).LastIndexOf("obj"u8);
        var start = open < 0 ? from : from + open;
        return Latin1(bytes, start, streamKeyword - start);
    }

    private static void Add(List<string> problems, string problem)
    {
        if (problems.Count < MaxProblems)
        {
            problems.Add(problem);
        }
    }

    [GeneratedRegex(@"/Filter\s*/Fl\b")]
    private static partial Regex FlAbbrev();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"^\s*\d+\s+\d+\s+obj")]
    private static partial Regex ObjectHeader();

    [GeneratedRegex(@"\s*(\d+) (\d+)[ \t]*\r?\n")]
    private static partial Regex SubsectionHeader();

    [GeneratedRegex(@"(\d{10}) (\d{5}) ([nf])[ \r\n]{1,2}\n?")]
    private static partial Regex Entry();

    [GeneratedRegex(@"/Length\s+(\d+)(?!\s+\d+\s+R)")]
    private static partial Regex LengthEntry();
}
