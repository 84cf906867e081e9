using System.Globalization;

namespace CrossCheck.Ingest;

/// <summary>
/// Text folded for matching, with a map from every folded character back to where its original
/// characters start (4 bytes a folded character; the end follows from the original text), so a
/// hit in folded text can be shown in the original.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _starts;

    internal NormalizedText(string original, string text, int[] starts)
    {
        Original = original;
        Text = text;
        _starts = starts;
    }

    public string Original { get; }

    /// <summary>The folded text: NFKC, lower case, ASCII quotes and dashes, single spaces.</summary>
    public string Text { get; }

    /// <summary>Maps the folded span [start, start+length) to the original span (start, length).</summary>
    public (int Start, int Length) ToOriginal(int start, int length)
    {
        if (Text.Length == 0)
        {
            return (0, 0);
        }
        start = Math.Clamp(start, 0, Text.Length - 1);
        var last = Math.Clamp(start + Math.Max(length, 1) - 1, start, Text.Length - 1);
        var originalStart = _starts[start];
        var lastStart = _starts[last];
        var originalEnd = lastStart >= Original.Length
            ? Original.Length
            : lastStart + Math.Max(1, StringInfo.GetNextTextElementLength(Original.AsSpan(lastStart)));
        return (Math.Min(originalStart, lastStart), Math.Max(originalEnd, originalStart) - Math.Min(originalStart, lastStart));
    }
}
