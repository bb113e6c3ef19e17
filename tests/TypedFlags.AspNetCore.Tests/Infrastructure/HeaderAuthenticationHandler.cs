using System.Collections.Generic;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TypedFlags.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A real authentication scheme for tests: the caller's claims come from request headers (<c>X-User</c>, <c>X-Name</c>,
/// <c>X-Tenant</c>, <c>X-Roles</c>, <c>X-Org</c>). A request without <c>X-User</c> or <c>X-Name</c> is anonymous.
/// </summary>
public sealed class HeaderAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "Headers";

    public HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers;
        var claims = new List<Claim>();
        Add(claims, ClaimTypes.NameIdentifier, headers["X-User"]);
        Add(claims, ClaimTypes.Name, headers["X-Name"]);
        if (claims.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        Add(claims, "tenant", headers["X-Tenant"]);
        Add(claims, "org", headers["X-Org"]);
        foreach (var role in headers["X-Roles"].ToString().Split(',', System.StringSplitOptions.RemoveEmptyEntries | System.StringSplitOptions.TrimEntries))
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private static void Add(List<Claim> claims, string type, Microsoft.Extensions.Primitives.StringValues value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims.Add(new Claim(type, value.ToString()));
        }
    }
}
