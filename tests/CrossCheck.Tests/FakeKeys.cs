namespace CrossCheck.Tests;

/// <summary>
/// Key-shaped test values, built at run time so that no key-shaped string is tracked in the repository (a secret
/// scanner would rightly flag one). They are sent only to the emulator on 127.0.0.1.
/// </summary>
public static class FakeKeys
{
    public static string Sk(string body) => "sk" + "-" + body;

    public static string Xai(string body) => "xai" + "-" + body;

    public static string Google(string body) => "AI" + "za" + body;
}
