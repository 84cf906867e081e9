using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCheck.Server.Access;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> (or the <c>crosscheck_token</c> cookie the web page sets) against the
/// configured token hashes. Without a token, a request from this machine is let in only when
/// <see cref="ServeOptions.AllowAnonymousLocalhost"/> says so.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<ServeOptions> serve) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CrossCheckToken";
    public const string Cookie = "crosscheck_token";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken(Request) ?? CookieToken();
        if (token is null)
        {
            var remote = Context.Connection.RemoteIpAddress;
            if (serve.Value.AllowAnonymousLocalhost && (remote is null || IPAddress.IsLoopback(remote)))
            {
                return Task.FromResult(Success("local", serve.Value.AnonymousRole));
            }
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var hash = TokenHasher.Hash(token);
        foreach (var entry in serve.Value.Tokens)
        {
            if (TokenHasher.Matches(hash, entry.Sha256))
            {
                return Task.FromResult(Success(entry.Name, entry.Role));
            }
        }
        return Task.FromResult(AuthenticateResult.Fail("unknown token"));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Response.WriteAsJsonAsync(new Api.ApiError("authentication required: send 'Authorization: Bearer <token>' with a token from the server's configuration."));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsJsonAsync(new Api.ApiError("this token's role does not allow that."));
    }

    private AuthenticateResult Success(string name, string role)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>
    /// The web page's cookie, for links opened in a new tab (a report, the dashboard): read only for GET and HEAD, and
    /// for the dashboard (which checks its own antiforgery token), so another site cannot submit or cancel with it.
    /// </summary>
    private string? CookieToken() =>
        HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method) || Request.Path.StartsWithSegments("/jobs")
            ? Request.Cookies[Cookie] is { Length: > 0 } token ? token : null
            : null;

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}
