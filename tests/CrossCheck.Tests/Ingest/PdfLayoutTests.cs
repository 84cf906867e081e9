using CrossCheck.Checks;
using CrossCheck.Ingest;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Ingest;

/// <summary>One test per failure class seen on real PDFs (see tests/CrossCheck.Tests/Ingest/RealPdfTests.cs for the real ones).</summary>
public sealed class PdfLayoutTests
{
    private static Document Load(TestPdf pdf)
    {
        using var temp = new TempFolder();
        return new DocumentLoader().LoadSource(temp.Write("t.pdf", pdf.Build()), "S1");
    }

    private static QuoteResult Check(Document doc, string quote)
    {
        using var corpus = new SourceCorpus([doc]);
        return new QuoteCheck(corpus).Check(quote);
    }

    [Fact]
    public void Load_TightlyJustifiedLine_KeepsTheWordBreaksTheGlyphGapsShow()
    {
        var pdf = new TestPdf().NewPage();
        // 2 pt between words at 10 pt: narrower than a space glyph, far wider than letter spacing.
        pdf.Justified("a benchmark where models are required to produce answers", 60, 700, gap: 2.0);

        var doc = Load(pdf);

        Assert.Contains("a benchmark where models are required to produce answers", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LineEndHyphen_KeptWhenTheDocumentUsesTheCompoundAndJoinedForASyllableBreak()
    {
        var pdf = new TestPdf().NewPage();
        pdf.Lines(700,
            "We trained task-specific heads on top of the encoder and then",
            "added more task-",
            "specific layers to it. The perfor-",
            "mance of the model was measured after pre-",
            "training ended.");

        var doc = Load(pdf);

        Assert.Contains("added more task-specific layers", doc.Normalized.Text, StringComparison.Ordinal);
        Assert.Contains("the performance of the model", doc.Normalized.Text, StringComparison.Ordinal);
        Assert.True(Check(doc, "added more task-specific layers").Verified);
        // "pre-training" occurs nowhere else, so the break is read as a syllable break; a quote
        // that keeps the hyphen still matches.
        Assert.Contains("after pretraining ended", doc.Normalized.Text, StringComparison.Ordinal);
        Assert.True(Check(doc, "measured after pre-training ended").Verified);
    }

    [Fact]
    public void Load_RunningHeadersFootersAndPageNumbers_StayOutOfASentenceThatCrossesThePage()
    {
        var pdf = new TestPdf();
        for (var p = 1; p <= 4; p++)
        {
            pdf.NewPage();
            pdf.Text("Acme Safety Report 2024", 60, 800);
            pdf.Text($"Page {p}", 280, 30);
            if (p == 3)
            {
                pdf.Lines(740, "the model refused every harmful request.", "More text follows on this page.");
            }
            else
            {
                pdf.Lines(740, $"Text of page {p} opens here and goes on.", p == 2 ? "In the final round the committee found that" : "Nothing ends mid-sentence here.");
            }
        }

        var doc = Load(pdf);
        var crossing = Check(doc, "In the final round the committee found that the model refused every harmful request.");

        Assert.True(crossing.Verified, crossing.Describe());
        Assert.Equal(2, crossing.Location!.Page);
        Assert.Contains("Page 2", crossing.Location.Text, StringComparison.Ordinal);
        // Furniture is still there to be found, and every character keeps its page.
        Assert.Equal(3, doc.PageAt(doc.Text.IndexOf("Page 3", StringComparison.Ordinal)));
        Assert.DoesNotContain("acme safety report 2024 text of page", doc.Normalized.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FootnoteMarkAfterAWord_IsNotPartOfTheSentence()
    {
        var pdf = new TestPdf().NewPage();
        var x = pdf.Text("Microsoft released T-NLG,", 60, 700);
        x = pdf.Text("1", x + 0.3, 704, size: 6);
        pdf.Text("an LM with 17B parameters. It has 2", x + 2.5, 700);
        pdf.Text("10", 232, 704, size: 6);
        pdf.Text("1", 60, 80, size: 7);
        pdf.Text("https://example.org/turing-nlg", 64, 77, size: 7);

        var doc = Load(pdf);

        Assert.True(Check(doc, "Microsoft released T-NLG, an LM with 17B parameters").Verified);
        Assert.Contains("17b parameters", doc.Normalized.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TwoColumnsDrawnLineByLine_AreReadColumnByColumn()
    {
        var pdf = new TestPdf().NewPage();
        string[] left = ["The left column starts a sentence that", "runs on for several lines of text before", "it ends on the fourth line right here."];
        string[] right = ["The right column has its own sentence", "which also runs on across several of", "its lines and ends on the third one."];
        for (var i = 0; i < 3; i++)
        {
            pdf.Text(left[i], 40, 700 - i * 13);
            pdf.Text(right[i], 320, 700 - i * 13);
        }

        var doc = Load(pdf);

        Assert.True(Check(doc, string.Join(' ', left)).Verified);
        Assert.True(Check(doc, string.Join(' ', right)).Verified);
    }

    [Fact]
    public void Load_TableDrawnColumnByColumn_IsReadRowByRow()
    {
        var pdf = new TestPdf().NewPage();
        string[][] columns = [["FY 2007", "FY 2008", "FY 2009", "Total"], ["240", "269", "376", "1,339"], ["0", "0", "0", "331"], ["63", "77", "71", "388"]];
        for (var c = 0; c < columns.Length; c++)
        {
            for (var r = 0; r < columns[c].Length; r++)
            {
                pdf.Text(columns[c][r], 60 + c * 60, 700 - r * 14);
            }
        }

        var doc = Load(pdf);

        Assert.True(Check(doc, "FY 2009 376 0 71").Verified);
        Assert.True(Check(doc, "Total 1,339 331 388").Verified);
    }

    [Fact]
    public void Vocabulary_ReadsWordsCompoundsAndLongWords_AndSkipsTheHalvesOfABrokenWord()
    {
        var longWord = new string('x', 150) + "Tail";
        var vocabulary = Hyphenation.Vocabulary(
        [
            "The State-of-the-Art model was fine-tuned, then Fine-Tuned again;",
            $"{longWord} and perfor-",
            "mance held up in the state.",
        ]);

        Assert.Superset(new HashSet<string> { "the", "model", "was", "then", "again", "and", "held", "up", "in", "state", longWord.ToLowerInvariant() }, vocabulary.Words);
        Assert.Superset(new HashSet<string> { "state-of-the-art", "state-of", "of-the", "the-art", "fine-tuned" }, vocabulary.Hyphenated);
        Assert.Contains("fine", vocabulary.Words);
        Assert.Contains("tuned", vocabulary.Words);
        // A word broken at a line end ("perfor-|mance") gives neither half as a word.
        Assert.DoesNotContain("perfor", vocabulary.Words);
        Assert.DoesNotContain("mance", vocabulary.Words);
        Assert.True(Hyphenation.IsRealHyphen("fine", "tuned", vocabulary));
        Assert.False(Hyphenation.IsRealHyphen("hel", "d", vocabulary));
    }
}
