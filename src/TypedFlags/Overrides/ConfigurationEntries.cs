using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using TypedFlags.Manifest.Overrides;

namespace TypedFlags;

/// <summary>
/// Lists the keys of the flags' configuration section provider by provider, in provider order, so that the override
/// reader can resolve a key that one provider writes as a value and a later one as an object (see
/// <see cref="OverrideReader"/>), and keeps each provider's last good keys.
/// </summary>
/// <remarks>
/// A file provider whose reload fails (appsettings.json saved with a syntax error) empties its data and does not
/// signal a reload, so nothing changes until another provider reloads; then every override of the broken file
/// would vanish, kill switches included. A provider that has lost every key while its reload token stayed the same
/// is taken to be in that state: its last good keys stay in use, with one warning, until it signals a reload.
/// </remarks>
internal sealed class ConfigurationEntries
{
    private readonly IConfiguration? _configuration;
    private readonly FlagEnvironmentVariablesProvider? _variables;
    private readonly FlagStoreConfigurationProvider? _store;
    private readonly string _section;
    private readonly OverrideWarnings _warnings;
    private readonly Dictionary<IConfigurationProvider, ProviderState> _states = new();

    /// <param name="configuration">The application's configuration, or null.</param>
    /// <param name="variables">The flags' environment variables to layer over the configuration (last provider), or null.</param>
    /// <param name="store">The flag store's overrides, layered last (over the variables too), or null.</param>
    /// <param name="section">The flags' configuration section.</param>
    /// <param name="warnings">Receives the warning about a provider that failed to load.</param>
    public ConfigurationEntries(IConfiguration? configuration, FlagEnvironmentVariablesProvider? variables, FlagStoreConfigurationProvider? store, string section, OverrideWarnings warnings)
    {
        _configuration = configuration;
        _variables = variables;
        _store = store;
        _section = section;
        _warnings = warnings;
    }

    /// <summary>Every key at or under the section, each with its provider's position and its source name.</summary>
    public List<OverrideEntry> Read()
    {
        var entries = new List<OverrideEntry>();
        var order = 0;
        lock (_states)
        {
            if (_configuration is IConfigurationRoot root)
            {
                var present = new HashSet<IConfigurationProvider>();
                foreach (var provider in Providers(root))
                {
                    present.Add(provider);
                    AddLastGood(provider, order++, entries);
                }

                // Providers can be removed (ConfigurationManager): forget their state.
                foreach (var gone in new List<IConfigurationProvider>(_states.Keys))
                {
                    if (!present.Contains(gone))
                    {
                        _states.Remove(gone);
                    }
                }
            }
            else if (_configuration is not null)
            {
                // Not a root: one merged view, without provider order.
                AddSection(_configuration.GetSection(_section), _section, order++, entries);
            }
        }

        if (_variables is not null)
        {
            // Re-read at every reload: cheap, and a test or a host may change the process environment.
            _variables.Load();
            Collect(_variables, _section, order++, entries);
        }

        if (_store is not null)
        {
            // The runtime store has the last word (SPEC §8); it answers from memory, never from the database.
            _store.Load();
            Collect(_store, _section, order, entries);
        }

        return entries;
    }

    /// <summary>
    /// The providers in order, with a configuration added to the builder (<c>AddConfiguration</c>, as hosts do with
    /// their own settings) opened up into its providers, so that their order counts too.
    /// </summary>
    private static IEnumerable<IConfigurationProvider> Providers(IConfigurationRoot root)
    {
        foreach (var provider in root.Providers)
        {
            if (provider is ChainedConfigurationProvider { Configuration: IConfigurationRoot inner })
            {
                foreach (var nested in Providers(inner))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return provider;
            }
        }
    }

    private void AddLastGood(IConfigurationProvider provider, int order, List<OverrideEntry> entries)
    {
        var current = new List<OverrideEntry>();
        Collect(provider, _section, order, current);
        var token = provider.GetReloadToken();
        var hasKeys = HasKeys(provider);
        if (_states.TryGetValue(provider, out var state)
            && provider is not FlagEnvironmentVariablesProvider
            && ReferenceEquals(state.Token, token)
            && state.HadKeys
            && !hasKeys)
        {
            if (!state.Warned)
            {
                state.Warned = true;
                _warnings.ProviderFailed(provider.ToString() ?? provider.GetType().Name, state.Entries.Count);
            }

            foreach (var entry in state.Entries)
            {
                entries.Add(new OverrideEntry(entry.Path, entry.Value, entry.HasValue, order, entry.Origin));
            }

            return;
        }

        _states[provider] = new ProviderState(token, current, hasKeys);
        entries.AddRange(current);
    }

    private static bool HasKeys(IConfigurationProvider provider)
    {
        foreach (var _ in provider.GetChildKeys(Array.Empty<string>(), parentPath: null))
        {
            return true;
        }

        return false;
    }

    /// <summary>The provider's own keys at and under <paramref name="path"/>.</summary>
    private static void Collect(IConfigurationProvider provider, string path, int order, List<OverrideEntry> entries)
    {
        if (provider.TryGet(path, out var value))
        {
            var origin = provider is FlagEnvironmentVariablesProvider variables && variables.TryGetVariable(path, out var variable)
                ? FlagSources.EnvironmentPrefix + variable
                : provider is FlagStoreConfigurationProvider store ? store.Source : FlagSources.ConfigurationPrefix + path;
            entries.Add(new OverrideEntry(path, value, hasValue: true, order, origin));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in provider.GetChildKeys(Array.Empty<string>(), path))
        {
            if (seen.Add(key))
            {
                Collect(provider, path + ConfigurationPath.KeyDelimiter + key, order, entries);
            }
        }
    }

    /// <summary>A section's keys at and under it, with paths relative to the configuration given (which may itself be a section).</summary>
    private static void AddSection(IConfigurationSection section, string path, int order, List<OverrideEntry> entries)
    {
        if (section.Value is { } value)
        {
            entries.Add(new OverrideEntry(path, value, hasValue: true, order, FlagSources.ConfigurationPrefix + section.Path));
        }

        foreach (var child in section.GetChildren())
        {
            AddSection(child, path + ConfigurationPath.KeyDelimiter + child.Key, order, entries);
        }
    }

    private sealed class ProviderState
    {
        public ProviderState(object token, List<OverrideEntry> entries, bool hadKeys)
        {
            Token = token;
            Entries = entries;
            HadKeys = hadKeys;
        }

        /// <summary>The reload token when the entries were read: a provider that reloads replaces it.</summary>
        public object Token { get; }

        public List<OverrideEntry> Entries { get; }

        public bool HadKeys { get; }

        public bool Warned { get; set; }
    }
}
