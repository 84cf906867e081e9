namespace CrossCheck.Server;

/// <summary>One API token in configuration: who it is, what it may do, and the SHA-256 (hex) of the token.</summary>
public sealed class ApiTokenEntry
{
    public string Name { get; set; } = "";

    /// <summary><c>read</c>, <c>submit</c> or <c>admin</c>.</summary>
    public string Role { get; set; } = Access.ApiRoles.Read;

    public string Sha256 { get; set; } = "";
}
