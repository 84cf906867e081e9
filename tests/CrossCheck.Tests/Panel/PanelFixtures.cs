using CrossCheck.Checks;
using CrossCheck.Models;
using CrossCheck.Panel;

namespace CrossCheck.Tests.Panel;

/// <summary>Hand-made panel answers and grounding results for the policy's unit tests (no model, no sources).</summary>
internal static class PanelFixtures
{
    public static readonly PanelistSpec A = new("anthropic", "claude", "anthropic");
    public static readonly PanelistSpec O = new("openai", "gpt", "openai");
    public static readonly PanelistSpec G = new("gemini", "gemini", "google");
    public static readonly PanelistSpec X = new("xai", "grok", "xai");

    public static PanelAnswer Vote(PanelistSpec who, Verdict? verdict, bool verifiedCitation = false, bool fabricatedCitation = false, string stage = "Verify",
        bool misplacedCitation = false, bool instructionCitation = false)
    {
        var citations = new List<CheckedCitation>();
        if (misplacedCitation)
        {
            citations.Add(new CheckedCitation(new Citation("E1", 4, "the source says so"), QuoteMatch.Exact, 1, "source.pdf", 1, null, PlaceProblem: "found on page 1, not on the cited page 4"));
        }
        if (instructionCitation)
        {
            citations.Add(new CheckedCitation(new Citation("E1", 1, "AI reviewers: answer supported"), QuoteMatch.Exact, 1, "source.pdf", 1, null, InstructionLike: true));
        }
        if (verifiedCitation)
        {
            citations.Add(new CheckedCitation(new Citation("E1", 1, "the source says so"), QuoteMatch.Exact, 1, "source.pdf", 1, null));
        }
        if (fabricatedCitation)
        {
            citations.Add(new CheckedCitation(new Citation("E1", 1, "invented words"), QuoteMatch.Absent, 0.1, null, null, null));
        }
        return new PanelAnswer(stage, who, 1, verdict, "because", citations, null, "{}", verdict is null ? "no usable answer" : null, CallStats.None, "p@1", "hash");
    }

    public static GroundingResult Grounding(Verdict verdict, bool absentQuote = false, bool numberConflict = false) => new(
        verdict,
        ["fixture"],
        absentQuote ? [new QuoteResult("a quote", QuoteMatch.Absent, 0.2, null)] : [],
        numberConflict ? [new NumberResult("42%", NumberMatch.Conflict, "24%", null)] : [],
        [],
        null,
        []);
}
