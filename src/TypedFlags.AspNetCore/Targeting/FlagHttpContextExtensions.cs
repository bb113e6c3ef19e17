using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TypedFlags.AspNetCore;

/// <summary>The caller's flags, from any code that has the request's <see cref="HttpContext"/>.</summary>
public static class FlagHttpContextExtensions
{
    /// <summary>
    /// The caller's targeting context: by default the <c>NameIdentifier</c> (else <c>Name</c>) claim as the targeting key,
    /// the <c>tenant</c> claim as the tenant and the roles as groups (see <see cref="FlagHttpOptions"/>). Built once per request.
    /// </summary>
    /// <param name="httpContext">The current request.</param>
    /// <returns>The context; without an authenticated caller, one without targeting key, tenant or groups.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="httpContext"/> is null.</exception>
    public static FlagContext GetFlagContext(this HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return HttpFlagContext.Get(httpContext);
    }

    /// <summary>
    /// The registered <typeparamref name="TFlags"/> bound to the caller (its <c>For(context)</c>), made once per request:
    /// <c>HttpContext.GetFlags&lt;AppFlags&gt;().InvoicesWrite.IsEnabled</c> reads the flag for the caller.
    /// </summary>
    /// <typeparam name="TFlags">The generated flags class, registered with <c>services.AddTypedFlags&lt;TFlags&gt;()</c>.</typeparam>
    /// <param name="httpContext">The current request.</param>
    /// <returns>The caller's view of the flags.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="httpContext"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><typeparamref name="TFlags"/> is not registered.</exception>
    public static TFlags GetFlags<TFlags>(this HttpContext httpContext)
        where TFlags : class, IFlagSet<TFlags>
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Items.TryGetValue(RequestView<TFlags>.Key, out var cached) && cached is TFlags view)
        {
            return view;
        }

        var flags = httpContext.RequestServices.GetService<TFlags>()
            ?? throw new InvalidOperationException($"{typeof(TFlags).Name} is not registered: call services.AddTypedFlags<{typeof(TFlags).Name}>().");
        view = flags.For(HttpFlagContext.Get(httpContext));
        httpContext.Items[RequestView<TFlags>.Key] = view;
        return view;
    }

    /// <summary>
    /// True when a gate on this endpoint let the request through because flag <paramref name="key"/> is in shadow mode
    /// for the caller: the handler should run its new path dry (compute, compare, log) and answer as before.
    /// </summary>
    /// <param name="httpContext">The current request.</param>
    /// <param name="key">The flag key the gate names.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpContext"/> or <paramref name="key"/> is null.</exception>
    public static bool IsShadow(this HttpContext httpContext, [FlagKey] string key)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(key);
        return httpContext.Features.Get<FlagShadowFeature>()?.Contains(key) == true;
    }

    /// <summary>One Items key per flags class: an object nobody else can hold, so user items keyed by Type do not collide.</summary>
    private static class RequestView<TFlags>
    {
        public static readonly object Key = new();
    }
}
