using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace TypedFlags;

/// <summary>
/// Reads deploy-time overrides from the manifest's configuration section (<c>Flags:&lt;key&gt;</c>): a scalar in the
/// grammar of <see cref="OverrideParser"/>, or an object read by <see cref="OverrideObjectReader"/>. Any
/// configuration provider works (appsettings*.json, environment variables, Azure App Configuration, mounted
/// files, ...). A bad value is logged once as a warning naming its source and the accepted values, and the flag
/// keeps its last good override.
/// </summary>
internal sealed class ConfigurationOverrides
{
    private readonly FlagManifest _manifest;
    private readonly IConfiguration? _configuration;
    private readonly FlagEnvironmentVariablesProvider? _variables;
    private readonly OverrideWarnings _warnings;

    /// <param name="manifest">The declared flags.</param>
    /// <param name="configuration">The application's configuration, or null.</param>
    /// <param name="variables">
    /// The flags' environment variables to layer over <paramref name="configuration"/> (a variable that is set
    /// replaces the flag's whole configuration entry, as a later provider would), or null.
    /// </param>
    /// <param name="logger">Receives the warnings, or null.</param>
    public ConfigurationOverrides(FlagManifest manifest, IConfiguration? configuration, FlagEnvironmentVariablesProvider? variables, ILogger? logger)
    {
        _manifest = manifest;
        _configuration = configuration;
        _variables = variables;
        _warnings = new OverrideWarnings(logger);
    }

    /// <summary>The override of every flag (null where none), keeping <paramref name="previous"/> where a value is bad.</summary>
    public RuntimeOverride?[] Read(RuntimeOverride?[]? previous)
    {
        var overrides = new RuntimeOverride?[_manifest.Flags.Count];
        if (_configuration is not null)
        {
            var sources = new OverrideSources(_configuration);
            foreach (var entry in _configuration.GetSection(_manifest.ConfigSection).GetChildren())
            {
                var index = _manifest.IndexOf(entry.Key);
                if (index < 0)
                {
                    _warnings.Unknown(entry.Path, entry.Key, entry.Value, DeclaredKeys());
                    continue;
                }

                var reader = new OverrideObjectReader(_manifest.Flags[index], sources, _warnings);
                var valid = entry.Value is { } scalar
                    ? reader.TryReadScalar(entry.Path, scalar, out var parsed)
                    : reader.TryReadObject(entry, out parsed);
                overrides[index] = valid ? parsed : previous?[index];
            }
        }

        if (_variables is not null)
        {
            // Re-read at every reload: cheap, and a test or a host may change the process environment.
            _variables.Load();
            for (var index = 0; index < overrides.Length; index++)
            {
                var definition = _manifest.Flags[index];
                if (_variables.TryGet(_manifest.ConfigSection + ConfigurationPath.KeyDelimiter + definition.Key, out var raw) && raw is not null)
                {
                    var reader = new OverrideObjectReader(definition, sources: null, _warnings);
                    overrides[index] = reader.TryReadScalarFrom(OverrideSources.EnvironmentPrefix + definition.EnvVar, raw, out var parsed)
                        ? parsed ?? overrides[index]
                        : previous?[index];
                }
            }
        }

        return overrides;
    }

    private IEnumerable<string> DeclaredKeys()
    {
        foreach (var flag in _manifest.Flags)
        {
            yield return flag.Key;
        }
    }
}
