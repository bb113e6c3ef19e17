using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.FeatureManagement.FeatureFilters;

namespace TypedFlags.FeatureManagement;

/// <summary>
/// The caller a context-free <c>IsEnabledAsync(feature)</c> evaluates for: Microsoft.FeatureManagement's
/// <see cref="ITargetingContextAccessor"/> when the application registers one (its existing targeting keeps working),
/// else TypedFlags' <see cref="IFlagContextAccessor"/> (TypedFlags.AspNetCore's <c>AddHttpFlagContext()</c> reads the
/// current request), else no caller, which is logged once: a web app that registered neither would otherwise treat
/// every request as anonymous without a word.
/// </summary>
internal sealed class CallerContext
{
    private readonly ITargetingContextAccessor? _targeting;
    private readonly IFlagContextAccessor? _flags;
    private readonly ILogger? _logger;
    private int _warned;

    public CallerContext(ITargetingContextAccessor? targeting, IFlagContextAccessor? flags, ILogger<CallerContext>? logger = null)
    {
        _targeting = targeting;
        _flags = flags;
        _logger = logger;
    }

    public async ValueTask<FlagContext> CurrentAsync()
    {
        if (_targeting is not null)
        {
            return From(await _targeting.GetContextAsync().ConfigureAwait(false));
        }

        if (_flags is not null)
        {
            return _flags.Current;
        }

        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            _logger?.LogWarning(
                new EventId(1801, "NoCaller"),
                "IsEnabledAsync and GetVariantAsync without a context evaluate for an anonymous caller: register an ITargetingContextAccessor, or call services.AddHttpFlagContext() (TypedFlags.AspNetCore) in a web app.");
        }

        return default;
    }

    /// <summary>A TypedFlags context for a Microsoft.FeatureManagement targeting context (user id and groups).</summary>
    public static FlagContext From(ITargetingContext? context) => context is null
        ? default
        : new FlagContext { TargetingKey = context.UserId, Groups = context.Groups is null ? null : (context.Groups as IReadOnlyList<string> ?? context.Groups.ToList()) };
}
