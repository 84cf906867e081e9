using CrossCheck.Claims;
using CrossCheck.Ingest;

namespace CrossCheck.Checks;

/// <summary>
/// Reads the numbers of a passage with their context. Lines that form a table (Markdown pipe
/// rows, or two or more consecutive lines of a label followed by several numbers, as PDF text
/// gives tables) give each cell its row label and column header; every other number gets the
/// sentence it stands in.
/// </summary>
public static class NumberContexts
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, IReadOnlyList<NumberInContext>> Cache = new();

    /// <summary>The numbers of a text with their contexts; computed once per text instance (a passage is evidence for many claims).</summary>
    public static IReadOnlyList<NumberInContext> Of(string text) => Cache.GetValue(text, Compute);

    private static IReadOnlyList<NumberInContext> Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var language = TextLanguages.Detect(text);
        var lines = Lines(text);
        var tableLine = new bool[lines.Count];
        var result = new List<NumberInContext>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (start, end) = lines[i];
            var line = text[start..end];
            if (IsPipeRow(line))
            {
                tableLine[i] = true;
                var header = FirstPipeRow(text, lines, i);
                AddPipeRow(text, start, line, header, language, result);
                continue;
            }
            var cells = NumericCells(line);
            var neighbour = (i > 0 && NumericCells(text[lines[i - 1].Start..lines[i - 1].End]).Count >= 2)
                || (i + 1 < lines.Count && NumericCells(text[lines[i + 1].Start..lines[i + 1].End]).Count >= 2);
            if (cells.Count >= 2 && neighbour && !EndsSentence(line))
            {
                tableLine[i] = true;
                var header = HeaderAbove(text, lines, i);
                var label = line[..cells[0].Start].Trim();
                for (var c = 0; c < cells.Count; c++)
                {
                    var cellText = line[cells[c].Start..cells[c].End];
                    foreach (var n in NumberExtractor.Extract(cellText, language))
                    {
                        var column = header.Count >= cells.Count ? header[header.Count - cells.Count + c] : "";
                        result.Add(new NumberInContext(n with { Start = start + cells[c].Start + n.Start }, line.Trim(), start, end, label, column));
                    }
                }
            }
        }
        var previous = "";
        foreach (var (s, e) in SentenceSplitter.Split(text))
        {
            var sentence = text[s..e];
            var wider = previous + " " + sentence;
            previous = sentence;
            foreach (var n in NumberExtractor.Extract(sentence, language))
            {
                var at = s + n.Start;
                var line = lines.FindIndex(l => l.Start <= at && at <= l.End);
                if (line >= 0 && tableLine[line])
                {
                    continue;
                }
                result.Add(new NumberInContext(n with { Start = at }, sentence, s, e) { Wider = wider });
            }
        }
        return result;
    }

    private static bool EndsSentence(string line) => line.TrimEnd().EndsWith('.') && !char.IsDigit(line.TrimEnd()[^2]);

    private static List<(int Start, int End)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                lines.Add((start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    private static bool IsPipeRow(string line)
    {
        var t = line.Trim();
        return t.StartsWith('|') && t.Count(c => c == '|') >= 2;
    }

    private static string[] PipeCells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    private static string[] FirstPipeRow(string text, List<(int Start, int End)> lines, int i)
    {
        while (i > 0 && IsPipeRow(text[lines[i - 1].Start..lines[i - 1].End]))
        {
            i--;
        }
        return PipeCells(text[lines[i].Start..lines[i].End]);
    }

    private static void AddPipeRow(string text, int lineStart, string line, string[] header, TextLanguage language, List<NumberInContext> result)
    {
        var cells = PipeCells(line);
        if (cells.All(c => c.Length == 0 || c.All(ch => ch is '-' or ':' or ' ')) || cells.SequenceEqual(header))
        {
            return;
        }
        var offset = line.IndexOf('|', StringComparison.Ordinal) + 1;
        for (var c = 0; c < cells.Length; c++)
        {
            var raw = line.Split('|')[c + 1];
            var cellStart = offset + raw.IndexOf(cells[c], StringComparison.Ordinal);
            offset += raw.Length + 1;
            if (c == 0)
            {
                continue;
            }
            foreach (var n in NumberExtractor.Extract(cells[c], language))
            {
                result.Add(new NumberInContext(n with { Start = lineStart + cellStart + n.Start }, text[lineStart..(lineStart + line.Length)].Trim(), lineStart, lineStart + line.Length, cells[0], c < header.Length ? header[c] : ""));
            }
        }
    }

    /// <summary>Cells of a PDF table line: runs of number-like tokens after the row's label.</summary>
    private static List<(int Start, int End)> NumericCells(string line)
    {
        var cells = new List<(int, int)>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }
            var s = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }
            if (i > s && IsNumericToken(line.AsSpan(s, i - s)))
            {
                cells.Add((s, i));
            }
            else if (i > s && cells.Count > 0)
            {
                // Words after the numbers start: not a table line of label-then-numbers.
                return [];
            }
        }
        return cells;
    }

    private static bool IsNumericToken(ReadOnlySpan<char> token)
    {
        var digits = 0;
        foreach (var c in token)
        {
            if (char.IsDigit(c))
            {
                digits++;
            }
            else if (c is not ('.' or ',' or '%' or '±' or '-' or '(' or ')' or '$' or '×' or 'x' or '*' or '†'))
            {
                return false;
            }
        }
        return digits > 0;
    }

    /// <summary>The header of a PDF table: the line above the first row, split into its words.</summary>
    private static IReadOnlyList<string> HeaderAbove(string text, List<(int Start, int End)> lines, int i)
    {
        while (i > 0 && NumericCells(text[lines[i - 1].Start..lines[i - 1].End]).Count >= 2)
        {
            i--;
        }
        if (i == 0)
        {
            return [];
        }
        var header = text[lines[i - 1].Start..lines[i - 1].End].Trim();
        return header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }
}
