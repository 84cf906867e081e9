using System.Security.Claims;

namespace CrossCheck.Server.Access;

/// <summary>Who is asking: their name (the owner of the runs they submit) and whether they see every run.</summary>
public sealed record Caller(string Name, string Role)
{
    public bool IsAdmin => Role == ApiRoles.Admin;

    public static Caller From(ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "", user.FindFirst(ClaimTypes.Role)?.Value ?? ApiRoles.Read);

    public bool MaySee(Runs.RunRecord run) => IsAdmin || string.Equals(run.Owner, Name, StringComparison.Ordinal);
}
