namespace CrossCheck.Ingest;

/// <summary>
/// Decides each hyphen at the end of a line of running text from the document's own words:
/// a real hyphen ("ever-|increasing", "task-|specific") when the hyphenated form occurs elsewhere
/// in the document, or when the joined form does not and both halves are words of the document;
/// otherwise a syllable break ("perfor-|mance"). A real hyphen is kept by moving the rest of the
/// word up to its line; a syllable break stays as "-\n", which the normaliser joins (across a
/// page break the rest of the word is moved up too, so the page furniture never splits it).
/// QuoteCheck accepts either form of a hyphenated quote word, so a wrong call costs no match.
/// </summary>
internal static class Hyphenation
{
    public static void Resolve(IReadOnlyList<PdfPageLines> pages)
    {
        var running = pages.SelectMany(p => p.Lines.Where(l => l.Role == LineRole.Body).Select(l => (Page: p.Number, Line: l))).ToList();
        var vocabulary = Vocabulary(running.Select(r => r.Line.Text));
        for (var i = 0; i + 1 < running.Count; i++)
        {
            var (page, line) = running[i];
            var (nextPage, next) = running[i + 1];
            var text = line.Text;
            if (text.Length < 3 || text[^1] != '-' || !char.IsLetterOrDigit(text[^2]) || next.Text.Length == 0 || !char.IsLetterOrDigit(next.Text[0]))
            {
                continue;
            }
            // "Pair-|Wise", "800-|126": a syllable break never comes before a capital or a digit.
            var certain = !char.IsLower(next.Text[0]) || !char.IsLetter(text[^2]);
            var leftStart = text.Length - 1;
            while (leftStart > 0 && (char.IsLetterOrDigit(text[leftStart - 1]) || text[leftStart - 1] == '-'))
            {
                leftStart--;
            }
            var left = text[leftStart..^1];
            var rightEnd = 0;
            while (rightEnd < next.Text.Length && !char.IsWhiteSpace(next.Text[rightEnd]))
            {
                rightEnd++;
            }
            var rest = next.Text[..rightEnd];
            var right = new string(rest.TakeWhile(c => char.IsLetterOrDigit(c) || c == '-').ToArray());
            if (right.Length == 0)
            {
                continue;
            }
            var real = certain || IsRealHyphen(left, right, vocabulary);
            if (real || page != nextPage)
            {
                var shift = text.Length + (real ? 0 : 1);
                line.Text = text + (real ? "" : "\n") + rest;
                var remaining = next.Text[rightEnd..].TrimStart();
                var cut = next.Text.Length - remaining.Length;
                line.Markers.AddRange(next.Markers.Where(m => m.Start < rightEnd).Select(m => new TextRange(m.Start + shift, m.End + shift)));
                next.Markers = next.Markers.Where(m => m.Start >= cut).Select(m => new TextRange(m.Start - cut, m.End - cut)).ToList();
                next.Text = remaining;
            }
        }
    }

    internal static bool IsRealHyphen(string left, string right, Vocabulary vocabulary)
    {
        var l = left.ToLowerInvariant();
        var r = right.ToLowerInvariant();
        if (vocabulary.Hyphenated.Contains(l + "-" + r))
        {
            return true;
        }
        if (vocabulary.Words.Contains(l + r))
        {
            return false;
        }
        // "pre-train-then-fine" + "tune": the left part is itself a compound, so its hyphen is real.
        if (l.Contains('-'))
        {
            return true;
        }
        return l.Length >= 3 && r.Length >= 3 && vocabulary.Words.Contains(l) && vocabulary.Words.Contains(r);
    }

    internal static Vocabulary Vocabulary(IEnumerable<string> lines)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var hyphenated = new HashSet<string>(StringComparer.Ordinal);
        // Words are looked up as spans of one buffer: a word is made a string only the first time it is seen.
        var known = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var token = new char[64];
        var broken = false;
        foreach (var line in lines)
        {
            // The halves of a word broken at a line end are not words of their own.
            var skipFirst = broken;
            broken = line.Length > 1 && line[^1] == '-' && char.IsLetter(line[^2]);
            var end = broken ? line.Length - 1 : line.Length;
            while (end > 0 && broken && (char.IsLetter(line[end - 1]) || line[end - 1] == '-'))
            {
                end--;
            }
            var i = 0;
            while (i < end)
            {
                while (i < end && !char.IsLetter(line[i]))
                {
                    i++;
                }
                var length = 0;
                var parts = 1;
                while (i < end && (char.IsLetter(line[i]) || (line[i] == '-' && i + 1 < end && char.IsLetter(line[i + 1]) && length > 0)))
                {
                    parts += line[i] == '-' ? 1 : 0;
                    if (length == token.Length)
                    {
                        Array.Resize(ref token, token.Length * 2);
                    }
                    token[length++] = char.ToLowerInvariant(line[i]);
                    i++;
                }
                if (length == 0 || skipFirst)
                {
                    skipFirst = false;
                    continue;
                }
                if (parts > 1)
                {
                    var word = new string(token, 0, length);
                    hyphenated.Add(word);
                    var pieces = word.Split('-');
                    foreach (var part in pieces)
                    {
                        words.Add(part);
                    }
                    // "state-of-the-art" also vouches for "state-of" and "of-the".
                    for (var k = 0; k + 1 < pieces.Length; k++)
                    {
                        hyphenated.Add(pieces[k] + "-" + pieces[k + 1]);
                    }
                }
                else
                {
                    known.Add(token.AsSpan(0, length));
                }
            }
        }
        return new Vocabulary(words, hyphenated);
    }
}

/// <summary>The words and the hyphenated compounds a document uses, in lower case.</summary>
internal sealed record Vocabulary(HashSet<string> Words, HashSet<string> Hyphenated);
