using CrossCheck.Evidence;

namespace CrossCheck.Checks;

/// <summary>Does a referenced section exist, and does the claim's evidence lie in it?</summary>
public static class SectionCheck
{
    public static SectionResult Check(string reference, SourceCorpus corpus, SourceLocation? evidence)
    {
        foreach (var source in corpus.Sources)
        {
            var section = source.Sections.FirstOrDefault(s => s.Number == reference);
            if (section is null)
            {
                continue;
            }
            var holds = evidence is not null && evidence.Source == source
                && evidence.Start >= section.Start && evidence.Start < section.End;
            return new SectionResult(reference, holds ? SectionMatch.Holds : SectionMatch.Elsewhere, section, source.FileName, evidence);
        }
        return new SectionResult(reference, SectionMatch.Missing, null, null, evidence);
    }

    /// <summary>The section a reference names (the first source that has it), with its source.</summary>
    public static (Ingest.Document Source, Ingest.Section Section)? Find(string reference, SourceCorpus corpus)
    {
        foreach (var source in corpus.Sources)
        {
            if (source.Sections.FirstOrDefault(s => s.Number == reference) is { } section)
            {
                return (source, section);
            }
        }
        return null;
    }

    /// <summary>The passages of a referenced section that best match the claim, to show as evidence.</summary>
    public static IEnumerable<Passage> PassagesIn(string reference, SourceCorpus corpus, string query)
    {
        foreach (var source in corpus.Sources)
        {
            var section = source.Sections.FirstOrDefault(s => s.Number == reference);
            if (section is null)
            {
                continue;
            }
            return corpus.Index.Search(query, 200)
                .Select(h => h.Passage)
                .Where(p => p.Source == source && p.Start >= section.Start && p.Start < section.End)
                .Take(2);
        }
        return [];
    }
}
