using System.Globalization;

namespace CrossCheck.Ingest;

/// <summary>
/// Text folded for matching, with a map from every folded character back to where its original
/// characters start (the end follows from the original text), so a hit in folded text can be
/// shown in the original. The map is kept as runs: within a run, folded character
/// <c>FoldedStart + d</c> starts at original <c>OriginalStart + d</c>; a run breaks only where
/// folding drops or expands characters (collapsed spaces, a joined hyphen, a ligature), so the
/// map costs 8 bytes a run instead of 4 a character.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _runFolded;
    private readonly int[] _runOriginal;

    internal NormalizedText(string original, string text, int[] runFolded, int[] runOriginal)
    {
        Original = original;
        Text = text;
        _runFolded = runFolded;
        _runOriginal = runOriginal;
    }

    /// <summary>Runs in the offset map (for measuring its size).</summary>
    public int MapRuns => _runFolded.Length;

    /// <summary>Where the original characters of folded character <paramref name="index"/> start.</summary>
    private int StartOf(int index)
    {
        var run = Array.BinarySearch(_runFolded, index);
        if (run < 0)
        {
            run = ~run - 1;
        }
        return _runOriginal[run] + (index - _runFolded[run]);
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
        var originalStart = StartOf(start);
        var lastStart = StartOf(last);
        var originalEnd = lastStart >= Original.Length
            ? Original.Length
            : lastStart + Math.Max(1, StringInfo.GetNextTextElementLength(Original.AsSpan(lastStart)));
        return (Math.Min(originalStart, lastStart), Math.Max(originalEnd, originalStart) - Math.Min(originalStart, lastStart));
    }
}
