namespace CrossCheck.Ingest;

/// <summary>
/// Text folded for matching, with a map from every folded character back to the span of
/// original characters it came from, so a hit in folded text can be shown in the original.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    internal NormalizedText(string original, string text, int[] starts, int[] ends)
    {
        Original = original;
        Text = text;
        _starts = starts;
        _ends = ends;
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
        var originalEnd = _ends[last];
        return (originalStart, originalEnd - originalStart);
    }
}
