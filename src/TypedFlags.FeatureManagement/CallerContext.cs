using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.FeatureManagement.FeatureFilters;
using TypedFlags.AspNetCore;

namespace TypedFlags.FeatureManagement;

/// <summary>
/// The caller a context-free <c>IsEnabledAsync(feature)</c> evaluates for: Microsoft.FeatureManagement's
/// <see cref="ITargetingContextAccessor"/> when the application registers one (its existing targeting keeps working),
/// else the current request by TypedFlags.AspNetCore's conventions (<see cref="FlagHttpContextExtensions.GetFlagContext"/>),
/// else no caller.
/// </summary>
internal sealed class CallerContext
{
    private readonly ITargetingContextAccessor? _targeting;
    private readonly IHttpContextAccessor? _http;

    public CallerContext(ITargetingContextAccessor? targeting, IHttpContextAccessor? http)
    {
        _targeting = targeting;
        _http = http;
    }

    public async ValueTask<FlagContext> CurrentAsync()
    {
        if (_targeting is not null)
        {
            return From(await _targeting.GetContextAsync().ConfigureAwait(false));
        }

        return _http?.HttpContext is { } httpContext ? httpContext.GetFlagContext() : default;
    }

    /// <summary>A TypedFlags context for a Microsoft.FeatureManagement targeting context (user id and groups).</summary>
    public static FlagContext From(ITargetingContext? context) => context is null
        ? default
        : new FlagContext { TargetingKey = context.UserId, Groups = context.Groups is null ? null : (context.Groups as IReadOnlyList<string> ?? context.Groups.ToList()) };
}
