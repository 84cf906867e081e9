namespace CrossCheck.Server.Access;

/// <summary>
/// The roles a token carries. <c>read</c> sees its own runs (runs submitted under its name); <c>submit</c> also
/// submits and cancels them; <c>admin</c> sees and cancels every run and may act in the job dashboard.
/// </summary>
public static class ApiRoles
{
    public const string Read = "read";
    public const string Submit = "submit";
    public const string Admin = "admin";

    public const string CanRead = "can-read";
    public const string CanSubmit = "can-submit";
    public const string IsAdmin = "is-admin";

    public static readonly string[] All = [Read, Submit, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
