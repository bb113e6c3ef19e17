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
    private readonly IConfiguration _configuration;
    private readonly OverrideWarnings _warnings;

    public ConfigurationOverrides(FlagManifest manifest, IConfiguration configuration, ILogger? logger)
    {
        _manifest = manifest;
        _configuration = configuration;
        _warnings = new OverrideWarnings(logger);
    }

    /// <summary>The override of every flag (null where none), keeping <paramref name="previous"/> where a value is bad.</summary>
    public RuntimeOverride?[] Read(RuntimeOverride?[]? previous)
    {
        var overrides = new RuntimeOverride?[_manifest.Flags.Count];
        var sources = new OverrideSources(_configuration);
        foreach (var entry in _configuration.GetSection(_manifest.ConfigSection).GetChildren())
        {
            var index = _manifest.IndexOf(entry.Key);
            if (index < 0)
            {
                _warnings.Unknown(entry.Path, entry.Key, entry.Value, DeclaredKeys());
                continue;
            }

            var definition = _manifest.Flags[index];
            var reader = new OverrideObjectReader(definition, sources, _warnings);
            var valid = entry.Value is { } scalar
                ? reader.TryReadScalar(entry.Path, scalar, out var parsed)
                : reader.TryReadObject(entry, out parsed);
            overrides[index] = valid ? parsed : previous?[index];
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
