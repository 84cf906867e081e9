using CrossCheck.Claims;
using CrossCheck.Evidence;

namespace CrossCheck.Checks;

/// <summary>
/// The offline panelist, always on: retrieval plus mechanical checks, no model. Each check gives
/// a finding; the verdict is the most severe finding (contradicted over not_in_source over
/// partially_supported over supported), and every finding is kept as a reason.
/// </summary>
public sealed partial class GroundingChecker(SourceCorpus corpus, int tokenBudget = 2000)
{
    public const string PanelistName = "grounding";

    private readonly QuoteCheck _quotes = new(corpus);
    private readonly EvidenceSelector _selector = new(corpus.Index, tokenBudget);
    private readonly Lazy<TextLanguage> _sourceLanguage = new(() => TextLanguages.Detect(string.Join(" ", corpus.Sources.Select(s => s.Text[..Math.Min(s.Text.Length, 20_000)]))));

    public QuoteCheck QuoteCheck => _quotes;

    /// <summary>
    /// Builds, once, what every check reads (the sources' language, folded text, set-aside ranges and word indexes),
    /// so that checks running on several threads share them instead of each building its own.
    /// </summary>
    public void Prepare(bool quotes = true)
    {
        _ = _sourceLanguage.Value;
        foreach (var source in corpus.Sources)
        {
            _ = source.SetAside;
            _ = corpus.Words(source);
            if (quotes)
            {
                _ = corpus.VerbatimWords(source);
            }
        }
    }

    public GroundingResult Check(Claim claim)
    {
        if (!claim.Checkable)
        {
            return new GroundingResult(Verdict.NotCheckable, [$"not checkable: {claim.CheckableReason}"], [], [], [], null, []);
        }
        // A quote that stands at several places is located in the section the claim names, when it stands there.
        var named = claim.SectionReferences.Select(r => SectionCheck.Find(r, corpus)).OfType<(Ingest.Document Source, Ingest.Section Section)>().ToArray();
        Func<Ingest.Document, int, bool>? inNamed = named.Length == 0 ? null : (doc, at) => named.Any(n => n.Source == doc && at >= n.Section.Start && at < n.Section.End);
        var quotes = claim.Quotes.Select(q => _quotes.Check(q.Text, inNamed)).ToArray();
        var pinned = new List<Passage>();
        foreach (var q in quotes.Where(q => q.Location is not null && q.Match != QuoteMatch.Absent))
        {
            if (corpus.PassageAt(q.Location!.Source, q.Location.Start) is { } passage)
            {
                pinned.Add(passage);
            }
        }
        foreach (var reference in claim.SectionReferences)
        {
            pinned.AddRange(SectionCheck.PassagesIn(reference, corpus, claim.Text));
        }
        if (TextLanguages.DetectProse(claim.Text) != _sourceLanguage.Value)
        {
            // Word retrieval fails across languages: look the claim's numbers and acronyms up as the sources write them.
            pinned.AddRange(CrossLanguageEvidence.For(claim, corpus));
            pinned.AddRange(corpus.Index.Search(AnchorQuery(claim), 4).Select(h => h.Passage));
        }
        var evidence = _selector.Select(claim.Text, pinned);
        var passages = evidence.Select(e => e.Passage).ToArray();
        // Context passages (neighbours shown to a reader) would blur the support score: score the hits themselves.
        var support = SupportScorer.Assess(claim.Text, evidence.Where(e => !e.IsContext).Select(e => e.Passage).ToArray());

        var findings = new List<(Verdict Verdict, string Reason)>();
        foreach (var q in quotes)
        {
            findings.Add((q.Match switch
            {
                QuoteMatch.Exact or QuoteMatch.Normalised => Verdict.Supported,
                QuoteMatch.Near => Verdict.PartiallySupported,
                _ => Verdict.NotInSource,
            }, q.Describe()));
        }
        var verifiedQuotes = quotes.Where(q => q.Verified).ToArray();
        var numbers = new List<NumberResult>();
        foreach (var number in claim.Numbers)
        {
            var inQuote = verifiedQuotes.FirstOrDefault(q => Ingest.TextNormalizer.Fold(q.Quote).Contains(Ingest.TextNormalizer.Fold(number.Text), StringComparison.Ordinal));
            var result = inQuote is not null
                ? new NumberResult(number.Text, NumberMatch.Found, number.Text, inQuote.Location, inQuote.Quote)
                : NumberCheck.Check(number, claim.Text, passages);
            numbers.Add(result);
            findings.Add((result.Match switch
            {
                NumberMatch.Found => Verdict.Supported,
                NumberMatch.Conflict => Verdict.Contradicted,
                _ => support.Level == SupportLevel.Absent ? Verdict.NotInSource : Verdict.PartiallySupported,
            }, result.Describe()));
        }
        var location = verifiedQuotes.FirstOrDefault()?.Location
            ?? numbers.FirstOrDefault(n => n.Match == NumberMatch.Found)?.Location
            ?? (support.Best is { } best ? new SourceLocation(best.Source, best.Start, best.End) : null);
        var sections = claim.SectionReferences.Select(r => SectionCheck.Check(r, corpus, location)).ToArray();
        foreach (var s in sections)
        {
            findings.Add((s.Match switch
            {
                SectionMatch.Holds => Verdict.Supported,
                SectionMatch.Elsewhere => Verdict.PartiallySupported,
                _ => support.Level == SupportLevel.Absent ? Verdict.NotInSource : Verdict.PartiallySupported,
            }, s.Describe()));
        }
        foreach (var name in UnmentionedNames(claim))
        {
            findings.Add((Verdict.NotInSource, $"the sources never mention \"{name}\""));
        }
        var quotesCarryClaim = quotes.Length > 0 && quotes.All(q => q.Verified);
        var supportVerdict = support.Level switch
        {
            SupportLevel.Supported => Verdict.Supported,
            SupportLevel.Partial => Verdict.PartiallySupported,
            _ => Verdict.NotInSource,
        };
        var claimLanguage = TextLanguages.DetectProse(claim.Text);
        if (claimLanguage != _sourceLanguage.Value)
        {
            // Word overlap says nothing across languages: the verdict rests on quotes, numbers, sections and names.
            var across = $"wording not compared: the claim is in {claimLanguage}, the sources in {_sourceLanguage.Value}";
            findings.Add(findings.Count == 0 ? (Verdict.NotInSource, $"{across}, and the claim has no quote, number or section to check") : (Verdict.Supported, across));
        }
        else if (!quotesCarryClaim || supportVerdict == Verdict.Supported)
        {
            findings.Add((supportVerdict, $"support: {support.Reason}"));
        }
        var verdict = findings.MaxBy(f => f.Verdict.Severity()).Verdict;
        var reasons = findings.OrderByDescending(f => f.Verdict.Severity()).Select(f => f.Reason).ToList();
        if (quotesCarryClaim && supportVerdict != Verdict.Supported && claimLanguage == _sourceLanguage.Value)
        {
            reasons.Add($"support of the wording around the quote: {support.Reason}");
        }
        return new GroundingResult(verdict, reasons, quotes, numbers, sections, support, evidence);
    }

    /// <summary>Capitalised words that name a part of a document or a date, not a party.</summary>
    private static readonly HashSet<string> NotParties = new(StringComparer.OrdinalIgnoreCase)
    {
        "Section", "Sections", "Table", "Tables", "Figure", "Chapter", "Appendix", "Page", "Part", "Abschnitt", "Kapitel", "Tabelle",
        "Anhang", "Seite", "Abbildung", "Chapitre", "Tableau", "Annexe", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "English", "German", "French",
    };

    /// <summary>
    /// Names in the claim (capitalised words inside a sentence, outside its quotes) that no source
    /// has as a word: a claim about a party the sources never mention cannot be supported by them.
    /// In German, and across languages, only acronyms and words with inner capitals count.
    /// </summary>
    private IEnumerable<string> UnmentionedNames(Claim claim)
    {
        // German capitalises every noun, and across languages a capitalised word may be a translation ("États-Unis").
        var language = TextLanguages.DetectProse(claim.Text);
        var acronymsOnly = language == TextLanguage.German || language != _sourceLanguage.Value;
        var quoted = claim.Quotes.Select(q => Ingest.TextNormalizer.Fold(q.Text)).ToArray();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in SupportText.Tokenize(claim.Text).Where(t => (t.IsName || (!t.IsNumber && t.Surface.Skip(1).Any(char.IsUpper))) && t.Surface.Length >= 3))
        {
            var word = Ingest.TextNormalizer.Fold(Elided().Replace(token.Surface, ""));
            var acronymLike = token.Surface.Skip(1).Any(char.IsUpper);
            if ((acronymsOnly && !acronymLike) || NotParties.Contains(token.Surface) || quoted.Any(q => q.Contains(word, StringComparison.Ordinal)) || !reported.Add(word))
            {
                continue;
            }
            var known = corpus.Sources.Any(s =>
            {
                var positions = corpus.Words(s).Positions;
                return positions.ContainsKey(word) || positions.ContainsKey(word + "'s") || (word.EndsWith('s') && positions.ContainsKey(word[..^1])) || positions.ContainsKey(word + "s");
            });
            if (!known)
            {
                yield return Elided().Replace(token.Surface, "");
            }
        }
    }

    /// <summary>French elision before a name: "l'ANSSI", "d'OpenAI".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[lLdDjJnNsScC]|qu|Qu)['\u2019]")]
    private static partial System.Text.RegularExpressions.Regex Elided();

    private static string AnchorQuery(Claim claim)
    {
        var numbers = claim.Numbers.SelectMany(n => new[] { n.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), n.Value.ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture) });
        // Acronyms ("CAVP") and codes of letters and digits ("FY2009") are written alike in every language.
        var acronyms = SupportText.Tokenize(claim.Text)
            .Where(t => t.Surface.Length >= 2 && (t.Surface.Count(char.IsUpper) >= 2 || (t.Surface.Any(char.IsLetter) && t.Surface.Any(char.IsDigit))))
            .Select(t => t.Surface);
        var query = string.Join(' ', numbers.Concat(acronyms).Distinct());
        return query.Length == 0 ? claim.Text : query;
    }
}
