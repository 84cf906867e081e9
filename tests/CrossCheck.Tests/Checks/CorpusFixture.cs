using CrossCheck.Checks;
using CrossCheck.Ingest;
using CrossCheck.Samples;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Checks;

/// <summary>The sample source PDF loaded once as a corpus for the check tests.</summary>
public sealed class CorpusFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public CorpusFixture()
    {
        var (_, pdf) = SampleGenerator.Write(_temp.Path);
        Corpus = new SourceCorpus([new DocumentLoader().LoadSource(pdf, "S1")]);
    }

    public SourceCorpus Corpus { get; }

    public void Dispose()
    {
        Corpus.Dispose();
        _temp.Dispose();
    }
}
