using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TypedFlags.AspNetCore;

/// <summary>Gates minimal-API endpoints and route groups on a flag.</summary>
public static class FlagGateEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Lets a request reach the endpoint (or every endpoint of the group) only when flag <paramref name="key"/> has the
    /// required value for the caller; otherwise answers 404, or 403 problem details with code <c>FEATURE_DISABLED</c>
    /// when <see cref="FlagHttpOptions.DisabledResponse"/> says so. A bool flag in shadow mode lets the request through
    /// and marks it: <c>HttpContext.IsShadow(key)</c> is true in the handler.
    /// </summary>
    /// <remarks>
    /// The flag is looked up among the classes registered with <c>AddTypedFlags</c> when the endpoint is built, so an
    /// undeclared key (which TF1001 reports at build time already) or a value that is not one of the flag's fails at
    /// startup, not per request. The gate is an endpoint filter: it runs for route handlers (<c>MapGet</c>, <c>MapPost</c>,
    /// ...) after their parameters are bound, and for MVC controllers (<c>MapControllers().RequireFlag(key)</c>); on Razor
    /// Pages endpoints (<c>MapRazorPages().RequireFlag(key)</c>), which ignore endpoint filters, it wraps the page's request
    /// delegate instead. <see cref="RequireFlagAttribute"/> gates one controller, action or page.
    /// </remarks>
    /// <typeparam name="TBuilder">The endpoint or route group builder.</typeparam>
    /// <param name="builder">The endpoint or route group.</param>
    /// <param name="key">The flag key, e.g. <c>AppFlags.Keys.InvoicesWrite</c>.</param>
    /// <param name="value">
    /// The value the flag must have: required for int, double, string and variant flags (a variant name, ignoring case);
    /// for bool flags <c>on</c> (the default, also when null) or <c>off</c> (the endpoint closes while the flag is on).
    /// </param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="key"/> is null.</exception>
    public static TBuilder RequireFlag<TBuilder>(this TBuilder builder, [FlagKey] string key, string? value = null)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(key);

        var api = $"RequireFlag(\"{key}\")";
        builder.AddEndpointFilterFactory((factoryContext, next) =>
        {
            var services = factoryContext.ApplicationServices;
            var gate = FlagGate.Resolve(services, key, value, api);
            var response = ResponseOf(services);
            return invocation => gate.Check(invocation.HttpContext) == FlagGateOutcome.Disabled
                ? new ValueTask<object?>(Disabled(gate.Key, response))
                : next(invocation);
        });

        // Razor Pages endpoints ignore endpoint filters: without this, MapRazorPages().RequireFlag(key) would leave every
        // page open. Their request delegate is gated directly, before the page runs.
        builder.Finally(endpoint =>
        {
            if (endpoint.RequestDelegate is not { } inner || !endpoint.Metadata.OfType<PageActionDescriptor>().Any())
            {
                return;
            }

            var gate = FlagGate.Resolve(endpoint.ApplicationServices, key, value, api);
            var response = ResponseOf(endpoint.ApplicationServices);
            endpoint.RequestDelegate = context => gate.Check(context) == FlagGateOutcome.Disabled
                ? Disabled(gate.Key, response).ExecuteAsync(context)
                : inner(context);
        });
        return builder;
    }

    private static FlagDisabledResponse ResponseOf(IServiceProvider services) =>
        (services.GetService<IOptions<FlagHttpOptions>>()?.Value ?? new FlagHttpOptions()).DisabledResponse;

    // A new problem per request: a problem details service may add to it (a trace id) while writing it.
    private static IResult Disabled(string key, FlagDisabledResponse response) => response == FlagDisabledResponse.ProblemDetails
        ? TypedResults.Problem(FlagGateProblem.Create(key))
        : TypedResults.NotFound();
}
