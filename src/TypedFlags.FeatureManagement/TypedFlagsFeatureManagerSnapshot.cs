using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace TypedFlags.FeatureManagement;

/// <summary>
/// The per-request view (<see cref="IFeatureManagerSnapshot"/>, <see cref="IVariantFeatureManagerSnapshot"/>): the first
/// context-free answer for a feature in a scope is kept for the rest of it, so a configuration reload in the middle of
/// a request cannot show a page half with the old value and half with the new, as Microsoft.FeatureManagement's
/// snapshot promises. Calls with an explicit context are not cached.
/// </summary>
internal sealed class TypedFlagsFeatureManagerSnapshot : IFeatureManagerSnapshot, IVariantFeatureManagerSnapshot
{
    private readonly TypedFlagsFeatureManager _manager;
    private readonly ConcurrentDictionary<string, bool> _enabled = new();
    private readonly ConcurrentDictionary<string, Variant?> _variants = new();

    public TypedFlagsFeatureManagerSnapshot(TypedFlagsFeatureManager manager) => _manager = manager;

    public IAsyncEnumerable<string> GetFeatureNamesAsync() => _manager.GetFeatureNamesAsync();

    IAsyncEnumerable<string> IVariantFeatureManager.GetFeatureNamesAsync(CancellationToken cancellationToken) => _manager.GetFeatureNamesAsync();

    public async Task<bool> IsEnabledAsync(string feature)
    {
        if (_enabled.TryGetValue(feature, out var enabled))
        {
            return enabled;
        }

        return _enabled.GetOrAdd(feature, await _manager.IsEnabledAsync(feature).ConfigureAwait(false));
    }

    public Task<bool> IsEnabledAsync<TContext>(string feature, TContext context) => _manager.IsEnabledAsync(feature, context);

    async ValueTask<bool> IVariantFeatureManager.IsEnabledAsync(string feature, CancellationToken cancellationToken) => await IsEnabledAsync(feature).ConfigureAwait(false);

    async ValueTask<bool> IVariantFeatureManager.IsEnabledAsync<TContext>(string feature, TContext context, CancellationToken cancellationToken) =>
        await _manager.IsEnabledAsync(feature, context).ConfigureAwait(false);

    async ValueTask<Variant> IVariantFeatureManager.GetVariantAsync(string feature, CancellationToken cancellationToken)
    {
        if (_variants.TryGetValue(feature, out var variant))
        {
            return variant!;
        }

        return _variants.GetOrAdd(feature, await _manager.GetVariantAsync(feature, cancellationToken).ConfigureAwait(false))!;
    }

    async ValueTask<Variant> IVariantFeatureManager.GetVariantAsync(string feature, ITargetingContext context, CancellationToken cancellationToken) =>
        (await _manager.GetVariantAsync(feature, context, cancellationToken).ConfigureAwait(false))!;
}
