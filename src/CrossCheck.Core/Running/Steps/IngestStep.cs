using CrossCheck.Claims;
using CrossCheck.Ingest;
using CrossCheck.Panel.Prompts;

namespace CrossCheck.Running.Steps;

/// <summary>Loads and validates every input (essay, sources, prompts) and cuts the essay into claims, before any folder is made.</summary>
public sealed class IngestStep : IRunStep
{
    public string Name => "ingest";

    public Task RunAsync(RunState state, CancellationToken cancellationToken)
    {
        var options = state.Options;
        var loader = new DocumentLoader(options.Limits);
        if (options.SourcePaths.Count == 0)
        {
            throw new InputException("no source given; add --source <file> (PDF, Markdown, text or HTML) for each document the essay is about.");
        }
        state.Prompts = options.Panel.Count > 0 ? PromptLibrary.Load(options.PromptsFolder) : null;
        state.Report(Name, 0, options.SourcePaths.Count + 1, options.EssayPath);
        state.Essay = loader.LoadEssay(options.EssayPath);
        foreach (var path in options.SourcePaths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            state.Sources.Add(loader.LoadSource(path, $"S{state.Sources.Count + 1}"));
            state.Report(Name, state.Sources.Count + 1, options.SourcePaths.Count + 1, path);
        }
        state.Claims = [.. ClaimExtractor.Extract(state.Essay)];
        if (state.Claims.Count == 0)
        {
            throw new InputException($"{options.EssayPath}: no sentences found to check; is this the essay?");
        }
        return Task.CompletedTask;
    }
}
