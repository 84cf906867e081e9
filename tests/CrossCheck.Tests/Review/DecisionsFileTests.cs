using CrossCheck.Checks;
using CrossCheck.Review;

namespace CrossCheck.Tests.Review;

public sealed class DecisionsFileTests
{
    private const string Valid = """
        {"format":"crosscheck-decisions","version":1,"run_id":"r1","reviewer":" Ada ","exported":"2026-01-01T00:00:00Z",
         "decisions":[{"claim":"C1","decision":"agree"},{"claim":"C2","decision":"false_alarm","verdict":"partially_supported"},
                      {"claim":"C3","decision":"note","note":" ask "},{"claim":"C4","decision":"fixed","note":""}]}
        """;

    [Fact]
    public void Parse_ValidFile_ReadsEveryDecision()
    {
        var file = DecisionsFile.Parse(Valid);
        Assert.Equal("r1", file.RunId);
        Assert.Equal("Ada", file.Reviewer);
        Assert.Equal([HumanDecisionKind.Agree, HumanDecisionKind.FalseAlarm, HumanDecisionKind.Note, HumanDecisionKind.Fixed], file.Decisions.Select(d => d.Decision));
        Assert.Equal(Verdict.PartiallySupported, file.Decisions[1].Verdict);
        Assert.Equal("ask", file.Decisions[2].Note);
        Assert.Null(file.Decisions[3].Note);
    }

    [Theory]
    [InlineData("""{"format":"other","version":1,"run_id":"r","decisions":[]}""", "not a CrossCheck decisions file")]
    [InlineData("""{"format":"crosscheck-decisions","version":2,"run_id":"r","decisions":[]}""", "version 2")]
    [InlineData("""{"format":"crosscheck-decisions","version":1,"decisions":[]}""", "run_id")]
    [InlineData("""{"format":"crosscheck-decisions","version":1,"run_id":"r","decisions":[{"claim":"C1","decision":"maybe"}]}""", "agree, false_alarm, fixed or note")]
    [InlineData("""{"format":"crosscheck-decisions","version":1,"run_id":"r","decisions":[{"claim":"C1","decision":"note"}]}""", "needs a \"note\"")]
    [InlineData("""{"format":"crosscheck-decisions","version":1,"run_id":"r","decisions":[{"claim":"C1","decision":"agree","verdict":"true"}]}""", "unknown verdict")]
    [InlineData("""{"format":"crosscheck-decisions","version":1,"run_id":"r","decisions":[{"claim":"C1","decision":"agree"},{"claim":"C1","decision":"fixed"}]}""", "decided twice")]
    [InlineData("""{"format":"crosscheck-decisions","version":1,"run_id":"r","decisions":[{"decision":"agree"}]}""", "names no \"claim\"")]
    public void Parse_InvalidFile_SaysWhatIsWrong(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => DecisionsFile.Parse(json));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HumanDecisionKind.Agree, Verdict.Contradicted, null, Verdict.Contradicted)]
    [InlineData(HumanDecisionKind.Fixed, Verdict.NotInSource, null, Verdict.NotInSource)]
    [InlineData(HumanDecisionKind.FalseAlarm, Verdict.Contradicted, null, Verdict.Supported)]
    [InlineData(HumanDecisionKind.FalseAlarm, Verdict.Contradicted, Verdict.PartiallySupported, Verdict.PartiallySupported)]
    [InlineData(HumanDecisionKind.FalseAlarm, Verdict.Supported, null, null)]
    [InlineData(HumanDecisionKind.Note, Verdict.Contradicted, null, null)]
    public void HumanVerdict_OfADecision_FollowsTheFinalVerdictOrTheNamedOne(HumanDecisionKind kind, Verdict final, Verdict? named, Verdict? expected) =>
        Assert.Equal(expected, HumanVerdict.Of(kind, final, named));
}
