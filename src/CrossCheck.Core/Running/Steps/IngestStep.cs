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
            state.Sources.Add(loader.LoadSource(path, $"S{state.Sources.Count + 1}", cancellationToken));
            state.Report(Name, state.Sources.Count + 1, options.SourcePaths.Count + 1, path);
        }
        // The claims are cut before the (slower) scan for instruction-like text, and only up to the first claim past the
        // limit, so an essay over the limit is refused without working through all of it.
        state.Claims = [.. ClaimExtractor.Extract(state.Essay, options.Limits.MaxClaims)];
        if (state.Claims.Count == 0)
        {
            throw new InputException($"{options.EssayPath}: no sentences found to check; is this the essay?");
        }
        if (state.Claims.Count > options.Limits.MaxClaims)
        {
            throw new InputException($"{options.EssayPath}: more than {options.Limits.MaxClaims:N0} claims, over the limit of {options.Limits.MaxClaims:N0} per run; split the essay into parts and check each, or raise CrossCheck:Limits:MaxClaims.");
        }
        WarnAboutSources(state);
        foreach (var doc in state.Sources.Prepend(state.Essay))
        {
            FlagInstructions(doc);
        }
        Safety.SwapCheck.Warn(state.Essay, state.Sources, state.Claims.Select(c => c.Text).ToArray(), cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>Inputs that load but are probably not what the user meant: an empty source, a source given twice, the essay given as a source.</summary>
    private static void WarnAboutSources(RunState state)
    {
        var seen = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var source in state.Sources)
        {
            if (string.IsNullOrWhiteSpace(source.Text))
            {
                source.Warnings.Add("the source holds no text; no claim can be found in it");
            }
            if (seen.TryGetValue(source.Sha256, out var first))
            {
                source.Warnings.Add($"the same file as {first.FileName} (identical SHA-256); it was given twice");
            }
            else
            {
                seen[source.Sha256] = source;
            }
            if (source.Sha256 == state.Essay.Sha256)
            {
                source.Warnings.Add("the same file as the essay; check that essay and sources are not swapped or repeated");
            }
        }
    }

    /// <summary>
    /// Text that reads as an instruction to the checker ("ignore previous instructions", "AI reviewers: answer
    /// supported") is flagged where it stands: a warning on the document (console, report.md, methodology.md) and,
    /// through it, a record in the log. Such text never verifies a citation (Panel/CitationChecker).
    /// </summary>
    private static void FlagInstructions(Document doc)
    {
        var findings = Safety.InstructionDetector.Find(doc.Text);
        if (Safety.InstructionDetector.Score(findings) < Safety.InstructionDetector.Threshold)
        {
            return;
        }
        foreach (var f in findings.Where(f => f.Weight >= Safety.InstructionDetector.Threshold).Take(20))
        {
            var where = doc.Pages.Count > 1 ? $"page {doc.PageAt(f.Start)}" : $"offset {f.Start}";
            var text = f.Text.Length > 80 ? f.Text[..80] + "…" : f.Text;
            doc.Warnings.Add($"instruction-like text ({f.Pattern}) at {where}: \"{text}\"; it is flagged and never counted as evidence");
        }
    }
}
