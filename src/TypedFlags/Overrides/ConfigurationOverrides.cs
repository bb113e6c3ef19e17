using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace TypedFlags;

/// <summary>
/// Reads deploy-time overrides from the manifest's configuration section (<c>Flags:&lt;key&gt;</c>): a scalar in the
/// grammar of <see cref="OverrideParser"/>, or an object with <c>Value</c> and <c>Rollout</c>. Any configuration
/// provider works (appsettings*.json, environment variables as <c>Flags__key</c>, Azure App Configuration, ...).
/// A bad value is logged once as a warning naming the configuration path and the accepted values, and the flag
/// keeps its last good override.
/// </summary>
internal sealed class ConfigurationOverrides
{
    private static readonly EventId InvalidOverride = new(1, "InvalidFlagOverride");
    private static readonly EventId UnknownFlag = new(2, "UnknownFlagOverride");
    private static readonly EventId UnsupportedField = new(3, "UnsupportedFlagOverrideField");

    private readonly FlagManifest _manifest;
    private readonly IConfiguration _configuration;
    private readonly ILogger? _logger;
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    public ConfigurationOverrides(FlagManifest manifest, IConfiguration configuration, ILogger? logger)
    {
        _manifest = manifest;
        _configuration = configuration;
        _logger = logger;
    }

    /// <summary>The override of every flag (null where none), keeping <paramref name="previous"/> where a value is bad.</summary>
    public RuntimeOverride?[] Read(RuntimeOverride?[]? previous)
    {
        var overrides = new RuntimeOverride?[_manifest.Flags.Count];
        var providers = _configuration is IConfigurationRoot root ? new List<IConfigurationProvider>(root.Providers) : null;
        foreach (var entry in _configuration.GetSection(_manifest.ConfigSection).GetChildren())
        {
            var index = _manifest.IndexOf(entry.Key);
            if (index < 0)
            {
                Warn(UnknownFlag, entry.Path + "\n" + entry.Value, $"Configuration '{entry.Path}' overrides flag '{entry.Key}', which flags.yaml does not declare; it is ignored.");
                continue;
            }

            var definition = _manifest.Flags[index];
            var source = SourceOf(providers, entry.Path);
            var parsed = entry.Value is { } scalar ? ReadScalar(definition, entry.Path, scalar, source) : ReadObject(definition, entry, source);
            overrides[index] = parsed.Valid ? parsed.Override : previous?[index];
        }

        return overrides;
    }

    /// <summary>
    /// <c>env:NAME</c> when the provider that wins for <paramref name="path"/> is a flag environment variable, else
    /// <c>config:path</c>. Later providers win, as in <see cref="IConfigurationRoot"/> itself.
    /// </summary>
    private static string SourceOf(List<IConfigurationProvider>? providers, string path)
    {
        for (var i = (providers?.Count ?? 0) - 1; i >= 0; i--)
        {
            if (providers![i].TryGet(path, out _))
            {
                return providers[i] is FlagEnvironmentVariablesProvider flags && flags.TryGetVariable(path, out var variable)
                    ? "env:" + variable
                    : "config:" + path;
            }
        }

        return "config:" + path;
    }

    private (bool Valid, RuntimeOverride? Override) ReadScalar(FlagDefinition definition, string path, string raw, string source)
    {
        if (raw.Trim().Length == 0)
        {
            return (true, null);
        }

        if (OverrideParser.TryParse(definition, raw, source, out var result))
        {
            return (true, result);
        }

        // Name what the operator set: the environment variable, or the configuration path.
        var origin = source.StartsWith("env:", StringComparison.Ordinal) ? source : "config:" + path;
        Warn(InvalidOverride, origin + "\n" + raw, $"Override '{origin}' has value '{raw}', which is not valid for {definition.Type.ToString().ToLowerInvariant()} flag '{definition.Key}'; accepted: {OverrideParser.Accepted(definition)}. The flag keeps its last good value.");
        return (false, null);
    }

    private (bool Valid, RuntimeOverride? Override) ReadObject(FlagDefinition definition, IConfigurationSection entry, string source)
    {
        RuntimeOverride? value = null;
        var rollout = CompiledFlag.NoRollout;
        foreach (var field in entry.GetChildren())
        {
            if (field.Key.Equals("Value", StringComparison.OrdinalIgnoreCase) && field.Value is { } raw)
            {
                var parsed = ReadScalar(definition, field.Path, raw, source);
                if (!parsed.Valid)
                {
                    return (false, null);
                }

                value = parsed.Override;
            }
            else if (field.Key.Equals("Rollout", StringComparison.OrdinalIgnoreCase) && definition.Type == FlagValueKind.Bool && field.Value is { } percent)
            {
                if (percent.Trim().Length == 0)
                {
                    continue;
                }

                if (!Percent.TryParse(percent.Trim().TrimEnd('%'), out rollout))
                {
                    Warn(InvalidOverride, field.Path + "\n" + percent, $"Override 'config:{field.Path}' has value '{percent}', which is not a rollout; accepted: a percentage from 0 to 100 with at most three decimals (25, 0.1%). The flag keeps its last good value.");
                    return (false, null);
                }
            }
            else
            {
                Warn(UnsupportedField, field.Path, $"Configuration '{field.Path}' is not an override field this version of TypedFlags applies (supported: Value, and Rollout for bool flags); it is ignored.");
            }
        }

        if (rollout == CompiledFlag.NoRollout)
        {
            return (true, value);
        }

        // A value and a rollout together: the value decides (step 5), except that a kill always wins.
        return (true, new RuntimeOverride(source, entry.Path, value?.Value, value?.Killed is not null, value?.Value is null ? rollout : CompiledFlag.NoRollout));
    }

    private void Warn(EventId eventId, string once, string message)
    {
        if (_logger is null)
        {
            return;
        }

        lock (_warned)
        {
            if (!_warned.Add(eventId.Id + "\n" + once))
            {
                return;
            }
        }

        _logger.Log(LogLevel.Warning, eventId, message, null, static (text, _) => text);
    }
}
