using System;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TypedFlags.AspNetCore;

/// <summary>
/// Gates an MVC controller, an action or a Razor Page (on its page model class) on a flag: the request reaches it only
/// when flag <see cref="Key"/> has the required value for the caller; otherwise 404, or 403 problem details with code
/// <c>FEATURE_DISABLED</c> (see <see cref="FlagHttpOptions.DisabledResponse"/>). Shadow mode passes and marks the
/// request (<c>HttpContext.IsShadow(key)</c>), as <c>.RequireFlag(key)</c> does for minimal APIs.
/// </summary>
/// <remarks>
/// A resource filter, so it runs before model binding. Several attributes all have to pass. The key is checked against
/// the registered flags classes the first time the action runs; TF1001 checks it at build time.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireFlagAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// <summary>Gates on flag <paramref name="key"/>.</summary>
    /// <param name="key">The flag key, e.g. <c>AppFlags.Keys.InvoicesWrite</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public RequireFlagAttribute([FlagKey] string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
    }

    /// <summary>The flag key.</summary>
    public string Key { get; }

    /// <summary>
    /// The value the flag must have: required for int, double, string and variant flags; for bool flags <c>on</c> (the
    /// default, also when null) or <c>off</c>.
    /// </summary>
    public string? Value { get; set; }

    /// <summary>The order among resource filters; 0 by default.</summary>
    public int Order { get; set; }

    /// <inheritdoc />
    public bool IsReusable => true;

    /// <inheritdoc />
    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider)
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        var gate = FlagGate.Resolve(serviceProvider, Key, Value, $"[RequireFlag(\"{Key}\")]");
        var response = (serviceProvider.GetService<IOptions<FlagHttpOptions>>()?.Value ?? new FlagHttpOptions()).DisabledResponse;
        return new FlagGateResourceFilter(gate, response);
    }
}
