using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace TypedFlags.FeatureManagement;

/// <summary>
/// <see cref="IFeatureManager"/> and <see cref="IVariantFeatureManager"/> answered by the TypedFlags engines of the
/// registered flag classes: a bool flag is enabled when it evaluates On for the caller (Shadow and Off are disabled),
/// a variant flag when its variant is one of its <c>enabled_variants</c>, and a variant flag's variant is its evaluated
/// value with its declared <c>configuration</c> (a variant named <c>none</c> is no variant, null, as
/// <c>typedflags import</c> declares it). Overrides, kills, schedules and bucketing apply exactly as for
/// the typed accessors, because the same engine evaluates. A name no flag declares is disabled and has no variant, as
/// Microsoft.FeatureManagement treats a missing feature by default.
/// </summary>
internal sealed class TypedFlagsFeatureManager : IFeatureManager, IVariantFeatureManager
{
    /// <summary>The variant name that stands for "no variant" (null) through <see cref="IVariantFeatureManager"/>.</summary>
    public const string NoVariant = "none";

    private readonly FeatureNames _names;
    private readonly CallerContext _caller;
    private readonly VariantConfigurations _configurations;

    public TypedFlagsFeatureManager(FeatureNames names, CallerContext caller, VariantConfigurations configurations)
    {
        _names = names;
        _caller = caller;
        _configurations = configurations;
    }

    public async IAsyncEnumerable<string> GetFeatureNamesAsync()
    {
        foreach (var key in _names.Keys)
        {
            yield return key;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    IAsyncEnumerable<string> IVariantFeatureManager.GetFeatureNamesAsync(CancellationToken cancellationToken) => GetFeatureNamesAsync();

    public async Task<bool> IsEnabledAsync(string feature) => IsEnabled(feature, await _caller.CurrentAsync().ConfigureAwait(false));

    public async Task<bool> IsEnabledAsync<TContext>(string feature, TContext context) => IsEnabled(feature, await ContextAsync(context).ConfigureAwait(false));

    async ValueTask<bool> IVariantFeatureManager.IsEnabledAsync(string feature, CancellationToken cancellationToken) =>
        IsEnabled(feature, await _caller.CurrentAsync().ConfigureAwait(false));

    async ValueTask<bool> IVariantFeatureManager.IsEnabledAsync<TContext>(string feature, TContext context, CancellationToken cancellationToken) =>
        IsEnabled(feature, await ContextAsync(context).ConfigureAwait(false));

    public async ValueTask<Variant?> GetVariantAsync(string feature, CancellationToken cancellationToken = default) =>
        GetVariant(feature, await _caller.CurrentAsync().ConfigureAwait(false));

    public ValueTask<Variant?> GetVariantAsync(string feature, ITargetingContext context, CancellationToken cancellationToken = default) =>
        new(GetVariant(feature, CallerContext.From(context)));

    ValueTask<Variant> IVariantFeatureManager.GetVariantAsync(string feature, CancellationToken cancellationToken) => Unwrap(GetVariantAsync(feature, cancellationToken));

    ValueTask<Variant> IVariantFeatureManager.GetVariantAsync(string feature, ITargetingContext context, CancellationToken cancellationToken) => Unwrap(GetVariantAsync(feature, context, cancellationToken));

    /// <summary>
    /// True when <paramref name="feature"/> is a bool flag that is On for <paramref name="context"/>, or a variant flag
    /// whose variant for the context is one of its <c>enabled_variants</c> (every variant when it declares none) and
    /// that is neither killed nor missing a prerequisite: Microsoft.FeatureManagement's enabled state and status_override.
    /// Other types are never enabled.
    /// </summary>
    public bool IsEnabled(string feature, FlagContext context)
    {
        if (!_names.TryFind(feature, out var engine, out var flag))
        {
            return false;
        }

        var evaluation = engine.Evaluate(flag.Key, context);
        switch (evaluation.Value.Kind)
        {
            case FlagValueKind.Bool:
                return evaluation.Mode == FlagMode.On;
            case FlagValueKind.Variant:
                if (evaluation.Reason is FlagReason.Killed or FlagReason.Prerequisite)
                {
                    return false;
                }

                if (flag.EnabledVariants is not { } enabled)
                {
                    return true;
                }

                var variant = flag.Variants[evaluation.Value.Int32];
                for (var i = 0; i < enabled.Count; i++)
                {
                    if (string.Equals(enabled[i], variant, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>The variant of a variant flag for <paramref name="context"/>; null for other flags and unknown names.</summary>
    public Variant? GetVariant(string feature, FlagContext context)
    {
        if (!_names.TryFind(feature, out var engine, out var flag))
        {
            return null;
        }

        var evaluation = engine.Evaluate(flag.Key, context);
        if (evaluation.Value.Kind != FlagValueKind.Variant)
        {
            return null;
        }

        // "none" is what `typedflags import` declares for callers Microsoft.FeatureManagement gave no variant: they get
        // no variant here too, so code written against IVariantFeatureManager sees what it saw before.
        var name = flag.Variants[evaluation.Value.Int32];
        return string.Equals(name, NoVariant, StringComparison.OrdinalIgnoreCase)
            ? null
            : new Variant { Name = name, Configuration = _configurations.For(flag, name) };
    }

    /// <summary>
    /// The context a contextual call evaluates for: a Microsoft.FeatureManagement targeting context or a TypedFlags
    /// <see cref="FlagContext"/> as given; any other application context carries no caller TypedFlags can read, so
    /// the ambient caller applies.
    /// </summary>
    private ValueTask<FlagContext> ContextAsync<TContext>(TContext context) => context switch
    {
        FlagContext flagContext => new(flagContext),
        ITargetingContext targeting => new(CallerContext.From(targeting)),
        _ => _caller.CurrentAsync(),
    };

    private static async ValueTask<Variant> Unwrap(ValueTask<Variant?> variant) => (await variant.ConfigureAwait(false))!;
}
