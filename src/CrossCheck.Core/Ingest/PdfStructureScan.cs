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
/// </summary>
public static partial class PdfStructureScan
{
    private const int MaxProblems = 8;

    public static PdfStructure Scan(byte[] bytes, long decodedBudget, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var latin = Encoding.Latin1.GetString(bytes);
        CheckEnd(latin, problems);
        CheckXref(bytes, latin, problems);
        long decoded = 0;
        var over = false;
        foreach (Match m in StreamStart().Matches(latin))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dataStart = m.Index + m.Length;
            var end = latin.IndexOf("endstream", dataStart, StringComparison.Ordinal);
            if (end < 0)
            {
                Add(problems, $"a stream at byte {m.Index} has no endstream");
                break;
            }
            var dict = Dictionary(latin, m.Index);
            CheckLength(dict, dataStart, end, m.Index, problems);
            if (!dict.Contains("/FlateDecode", StringComparison.Ordinal) && !FlAbbrev().IsMatch(dict))
            {
                continue;
            }
            var (count, ok) = Inflate(bytes, dataStart, end - dataStart, decodedBudget - decoded);
            decoded += count;
            if (decoded >= decodedBudget)
            {
                over = true;
                break;
            }
            if (!ok)
            {
                Add(problems, $"the compressed stream at byte {m.Index} does not inflate");
            }
        }
        return new PdfStructure(decoded, over, problems);
    }

    private static void CheckEnd(string latin, List<string> problems)
    {
        var tail = latin.Length > 2048 ? latin[^2048..] : latin;
        if (!tail.Contains("%%EOF", StringComparison.Ordinal))
        {
            Add(problems, "the file has no %%EOF end marker (cut short?)");
        }
    }

    private static void CheckXref(byte[] bytes, string latin, List<string> problems)
    {
        var start = StartXref().Matches(latin);
        if (start.Count == 0)
        {
            Add(problems, "no startxref: the cross-reference table is missing");
            return;
        }
        if (!long.TryParse(start[^1].Groups[1].Value, out var offset) || offset < 0 || offset >= bytes.Length)
        {
            Add(problems, "startxref points outside the file");
            return;
        }
        var at = latin.AsSpan((int)offset);
        if (at.StartsWith("xref", StringComparison.Ordinal))
        {
            CheckXrefTable(latin, (int)offset, problems);
        }
        else if (!ObjectHeader().IsMatch(latin.Substring((int)offset, Math.Min(40, latin.Length - (int)offset))))
        {
            Add(problems, $"startxref ({offset}) does not point at a cross-reference table or stream");
        }
    }

    private static void CheckXrefTable(string latin, int offset, List<string> problems)
    {
        var pos = offset + 4;
        var bad = 0;
        while (true)
        {
            var header = SubsectionHeader().Match(latin, pos);
            if (!header.Success || header.Index != pos)
            {
                break;
            }
            var first = int.Parse(header.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var count = int.Parse(header.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            pos = header.Index + header.Length;
            for (var i = 0; i < count; i++)
            {
                var entry = Entry().Match(latin, pos);
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
                if (objectOffset >= latin.Length || !latin.AsSpan((int)objectOffset).TrimStart("\r\n\t ").StartsWith(expected, StringComparison.Ordinal))
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

    private static (long Count, bool Ok) Inflate(byte[] bytes, int start, int length, long budget)
    {
        long total = 0;
        var buffer = new byte[64 * 1024];
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

    private static string Dictionary(string latin, int streamKeyword)
    {
        var from = Math.Max(0, streamKeyword - 4096);
        var open = latin.LastIndexOf("obj", streamKeyword, streamKeyword - from, StringComparison.Ordinal);
        return latin.Substring(open < 0 ? from : open, streamKeyword - (open < 0 ? from : open));
    }

    private static void Add(List<string> problems, string problem)
    {
        if (problems.Count < MaxProblems)
        {
            problems.Add(problem);
        }
    }

    [GeneratedRegex(@"(?<=>>\s*)stream\r?\n")]
    private static partial Regex StreamStart();

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
