using CrossCheck.Panel;

namespace CrossCheck.Tests.Panel;

public sealed class AnswerParserCandidateTests
{
    private const string Schema = """{"type":"object","required":["verdict","rationale"]}""";
    private const string Valid = """{"verdict":"supported","rationale":"page 3 says so","citations":[]}""";

    [Theory]
    [InlineData("Here is my answer {as requested}: " + Valid)]
    [InlineData("Template: {\"verdict\": \"<one of ...>\"}\n```json\n" + Valid + "\n```")]
    [InlineData("{\"note\":\"draft\"} then the final answer " + Valid)]
    [InlineData("I use {curly} braces {and {nested} ones} in prose.\n" + Valid + "\nThanks {bye}")]
    public void Parse_ProseWithBracesBeforeTheAnswer_FindsTheValidObject(string text)
    {
        var (parsed, problem) = AnswerParser.Parse(text, Schema);
        Assert.Null(problem);
        Assert.Equal("supported", parsed!.Value.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Parse_NoValidObject_GivesTheFirstObjectsProblem()
    {
        var (parsed, problem) = AnswerParser.Parse("{not json} and {\"verdict\":\"maybe\",\"rationale\":\"x\"}", Schema);
        Assert.Null(parsed);
        Assert.Contains("verdict", problem);
    }

    [Fact]
    public void Parse_NoBraces_SaysSo()
    {
        var (_, problem) = AnswerParser.Parse("I cannot help with that.", Schema);
        Assert.Equal("the answer held no JSON object", problem);
    }

    [Fact]
    public void Candidates_RespectStrings() =>
        Assert.Equal(["{\"a\":\"}{\"}"], AnswerParser.Candidates("x {\"a\":\"}{\"} y").ToArray());
}
