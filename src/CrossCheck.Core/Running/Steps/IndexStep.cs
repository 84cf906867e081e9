using CrossCheck.Checks;

namespace CrossCheck.Running.Steps;

/// <summary>Cuts the sources into passages and indexes them for retrieval (BM25).</summary>
public sealed class IndexStep : IRunStep
{
    public string Name => "index";

    public Task RunAsync(RunState state, CancellationToken cancellationToken)
    {
        state.Report(Name, 0, 1, $"{state.Sources.Count} source(s)");
        state.Corpus = state.Own(new SourceCorpus(state.Sources));
        state.Log.Append(new SourcesIndexedEntry(state.Corpus.Passages.Count, "bm25 (Lucene.Net, EnglishAnalyzer)"));
        state.Report(Name, 1, 1, $"{state.Corpus.Passages.Count} passages");
        state.Checker = new GroundingChecker(state.Corpus, state.Options.EvidenceTokenBudget);
        return Task.CompletedTask;
    }
}
