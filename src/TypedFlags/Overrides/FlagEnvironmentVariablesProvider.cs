using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace TypedFlags;

/// <summary>
/// Exposes each declared flag's environment variable (<c>VITE_INVOICES_WRITE</c>, from flags.yaml) as the configuration
/// key <c>{config_section}:{key}</c>, so it takes part in normal provider precedence: add it after appsettings.json and
/// the variable wins, before and a file wins (field by field: a variable is shorthand for the one field it sets, see
/// docs/runtime.md). A variable that is set but empty counts as not set. Evaluations it decides report
/// <c>env:NAME</c> as their source.
/// </summary>
public sealed class FlagEnvironmentVariablesProvider : IConfigurationProvider
{
    private readonly FlagManifest _manifest;
    private readonly Func<string, string?> _read;
    private Dictionary<string, (string Value, string Variable)> _data = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the provider for <paramref name="manifest"/>.</summary>
    /// <param name="manifest">The declared flags and their variable names.</param>
    /// <param name="read">Reads one variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when null.</param>
    public FlagEnvironmentVariablesProvider(FlagManifest manifest, Func<string, string?>? read = null)
    {
        _manifest = manifest ?? throw new ArgumentNullException(nameof(manifest));
        _read = read ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>The flags whose variables this provider reads.</summary>
    internal FlagManifest Manifest => _manifest;

    /// <summary>Reads every declared flag's variable.</summary>
    public void Load()
    {
        var data = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var flag in _manifest.Flags)
        {
            // Set but empty (or only spaces) counts as not set: an environment cannot always unset a variable.
            if (_read(flag.EnvVar) is { } value && value.Trim().Length > 0)
            {
                data[_manifest.ConfigSection + ConfigurationPath.KeyDelimiter + flag.Key] = (value, flag.EnvVar);
            }
        }

        _data = data;
    }

    /// <inheritdoc />
    public bool TryGet(string key, out string? value)
    {
        if (_data.TryGetValue(key, out var entry))
        {
            value = entry.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The variable that supplies <paramref name="key"/>, if this provider supplies it.</summary>
    public bool TryGetVariable(string key, out string? variable)
    {
        variable = _data.TryGetValue(key, out var entry) ? entry.Variable : null;
        return variable is not null;
    }

    /// <summary>Environment variables are read once per load; setting a key is not supported and is ignored.</summary>
    public void Set(string key, string? value)
    {
    }

    /// <inheritdoc />
    public IChangeToken GetReloadToken() => NeverChanges.Instance;

    /// <inheritdoc />
    public IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath) =>
        ConfigurationChildKeys.Of(_data.Keys, earlierKeys, parentPath);

    /// <summary>A change token that never fires (the process environment does not notify).</summary>
    private sealed class NeverChanges : IChangeToken
    {
        public static readonly NeverChanges Instance = new();

        public bool HasChanged => false;

        public bool ActiveChangeCallbacks => false;

        public IDisposable RegisterChangeCallback(Action<object?> callback, object? state) => Nothing.Instance;

        private sealed class Nothing : IDisposable
        {
            public static readonly Nothing Instance = new();

            public void Dispose()
            {
            }
        }
    }
}
