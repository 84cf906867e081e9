using CrossCheck.Safety;

namespace CrossCheck.Tests.Safety;

public sealed class SecretRedactorTests
{
    private const string Key = "test-key-not-real-0123456789abcdefXYZ";

    [Fact]
    public void Redact_ConfiguredKey_Everywhere()
    {
        var r = new SecretRedactor([Key]);
        var text = $"{{\"error\":\"bad key {Key}\",\"echo\":\"{Key}\"}}";
        var redacted = r.Redact(text);
        Assert.DoesNotContain(Key, redacted);
        Assert.Contains(SecretRedactor.Mask, redacted);
    }

    [Fact]
    public void Redact_PieceOfConfiguredKey_IsMasked()
    {
        var r = new SecretRedactor([Key]);
        var piece = Key.Substring(5, 20);
        var redacted = r.Redact("gateway saw key ending ..." + piece + " and refused");
        Assert.DoesNotContain(piece[..12], redacted);
    }

    [Theory]
    [InlineData("Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345")]
    [InlineData("\"authorization\":\"Bearer abcdefghijklmnopqrstuvwxyz012345\"")]
    [InlineData("x-api-key: zzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("x-goog-api-key=zzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("your key sk" + "-proj-abcdefghijklmnopqrstuvwxyz was rejected")]
    [InlineData("your key sk" + "-ant-api03-abcdefghijklmnop was rejected")]
    [InlineData("your key xai" + "-abcdefghijklmnopqrstuvwxyz was rejected")]
    [InlineData("key=AI" + "zaSyA1234567890abcdefghijklmnopqrstu")]
    // Key shapes are split in the source ("sk" + "-…") so that no key-shaped string is tracked; the compiler joins them.
    public void Redact_KeyShapedText_WithoutConfiguration(string text)
    {
        var redacted = SecretRedactor.None.Redact(text);
        Assert.Contains(SecretRedactor.Mask, redacted);
        Assert.DoesNotContain("abcdefghijklmnop", redacted);
        Assert.DoesNotContain("zzzzzzzzzzzz", redacted);
        Assert.DoesNotContain("1234567890abcdef", redacted);
    }

    [Theory]
    [InlineData("prev 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("The source says 71.4% of tasks were solved (page 3).")]
    [InlineData("{\"verdict\":\"supported\",\"citations\":[{\"quote\":\"risk-based\",\"page\":2}]}")]
    public void Redact_OrdinaryTextAndHashes_Unchanged(string text) => Assert.Equal(text, SecretRedactor.None.Redact(text));

    [Fact]
    public void IsSecretName_KeysTokensSecrets() 
    {
        Assert.True(SecretRedactor.IsSecretName("OPENAI_API_KEY"));
        Assert.True(SecretRedactor.IsSecretName("GITHUB_TOKEN"));
        Assert.False(SecretRedactor.IsSecretName("PATH"));
    }
}
