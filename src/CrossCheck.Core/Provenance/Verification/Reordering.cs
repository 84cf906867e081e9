using System.Text.Json;

namespace CrossCheck.Provenance.Verification;

/// <summary>
/// Tells a reordered log from one with records deleted. When a record's seq jumps ahead, the record expected there
/// may still be in the file, further on (lines swapped or moved): then nothing was deleted, and saying so matters to
/// whoever investigates. Looks only at the lines after the break, and only at their <c>seq</c>.
/// </summary>
public static class Reordering
{
    /// <summary>
    /// Rewrites a <see cref="ChainBreakKind.RecordsDeleted"/> or out-of-order <see cref="ChainBreakKind.SequenceMismatch"/>
    /// break as <see cref="ChainBreakKind.RecordsReordered"/> when the expected seq is found on a later line.
    /// </summary>
    public static ChainBreak Diagnose(ChainBreak broken, ReadOnlySpan<byte> bytes, int breakLineStart, long expectedSeq)
    {
        if (broken.Kind is not (ChainBreakKind.RecordsDeleted or ChainBreakKind.SequenceMismatch or ChainBreakKind.PreviousHashMismatch)
            || broken.Seq is not { } seq || seq == expectedSeq)
        {
            return broken;
        }
        var lineNumber = broken.LineNumber;
        var start = breakLineStart;
        while (start < bytes.Length)
        {
            var length = bytes[start..].IndexOf((byte)'\n');
            var end = length < 0 ? bytes.Length : start + length;
            if (lineNumber > broken.LineNumber && SeqOf(bytes[start..end]) == expectedSeq)
            {
                return broken with
                {
                    Kind = ChainBreakKind.RecordsReordered,
                    Reason = $"seq {seq} where {expectedSeq} was expected, and seq {expectedSeq} is further on, at line {lineNumber}: " +
                        $"records were reordered (lines swapped or moved), not deleted",
                };
            }
            lineNumber++;
            start = end + 1;
        }
        return broken;
    }

    private static long? SeqOf(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("seq"))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var n) ? n : null;
                }
                if (reader.CurrentDepth >= 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }
}
