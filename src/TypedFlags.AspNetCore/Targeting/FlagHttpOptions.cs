using System;
using System.Collections.Generic;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace TypedFlags.AspNetCore;

/// <summary>
/// How TypedFlags reads the caller from an <see cref="HttpContext"/>, and how a gate answers when a flag is off.
/// The defaults need no code; change them with <c>services.Configure&lt;FlagHttpOptions&gt;(o =&gt; ...)</c>.
/// </summary>
public sealed class FlagHttpOptions
{
    /// <summary>
    /// The claim types tried in order for the targeting key of an authenticated caller; the first present wins.
    /// Default: <see cref="ClaimTypes.NameIdentifier"/>, then <see cref="ClaimTypes.Name"/>. Anonymous callers have none.
    /// </summary>
    public IList<string> TargetingKeyClaimTypes { get; } = new List<string> { ClaimTypes.NameIdentifier, ClaimTypes.Name };

    /// <summary>The claim type of the tenant. Default: <c>tenant</c>. Ignored when <see cref="TenantResolver"/> is set.</summary>
    public string TenantClaimType { get; set; } = "tenant";

    /// <summary>
    /// Reads the tenant from the request instead of <see cref="TenantClaimType"/>, for example from a header or the
    /// host name. Null (the default) reads the claim.
    /// </summary>
    public Func<HttpContext, string?>? TenantResolver { get; set; }

    /// <summary>
    /// The claim type whose values are the caller's groups. Null (the default) takes each authenticated identity's
    /// own <see cref="ClaimsIdentity.RoleClaimType"/>, so the groups are the roles <c>User.IsInRole</c> sees.
    /// </summary>
    public string? GroupClaimType { get; set; }

    /// <summary>
    /// Builds the whole context from the request, replacing the claim rules above. Null (the default) uses them.
    /// Called at most once per request; the result is cached on the <see cref="HttpContext"/>.
    /// </summary>
    public Func<HttpContext, FlagContext>? ContextFactory { get; set; }

    /// <summary>What a gate answers when the flag is off for the caller. Default: <see cref="FlagDisabledResponse.NotFound"/>.</summary>
    public FlagDisabledResponse DisabledResponse { get; set; } = FlagDisabledResponse.NotFound;
}
