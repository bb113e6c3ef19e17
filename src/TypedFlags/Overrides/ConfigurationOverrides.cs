using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TypedFlags.Manifest.Overrides;

namespace TypedFlags;

/// <summary>
/// Reads deploy-time overrides from the manifest's configuration section (<c>Flags:&lt;key&gt;</c>) with the reader
/// the appsettings analyzer uses too (<see cref="OverrideReader"/>), over the keys of every provider in provider
/// order (<see cref="ConfigurationEntries"/>). Any configuration provider works (appsettings*.json, environment
/// variables, Azure App Configuration, mounted files, ...). A bad value is logged once as a warning naming its
/// source and the accepted values, and the flag keeps its last good override.
/// </summary>
internal sealed class ConfigurationOverrides
{
    private readonly FlagManifest _manifest;
    private readonly ConfigurationEntries _entries;
    private readonly OverrideWarnings _warnings;
    private readonly OverrideFlagShape[] _shapes;

    /// <param name="manifest">The declared flags.</param>
    /// <param name="configuration">The application's configuration, or null.</param>
    /// <param name="variables">
    /// The flags' environment variables to layer over <paramref name="configuration"/> as its last provider, or null.
    /// </param>
    /// <param name="store">A flag store's overrides, layered after everything else, or null.</param>
    /// <param name="logger">Receives the warnings, or null.</param>
    public ConfigurationOverrides(FlagManifest manifest, IConfiguration? configuration, FlagEnvironmentVariablesProvider? variables, FlagStoreConfigurationProvider? store, ILogger? logger)
    {
        _manifest = manifest;
        _warnings = new OverrideWarnings(logger);
        _entries = new ConfigurationEntries(configuration, variables, store, manifest.ConfigSection, _warnings);
        _shapes = new OverrideFlagShape[manifest.Flags.Count];
        for (var i = 0; i < _shapes.Length; i++)
        {
            _shapes[i] = ShapeOf(manifest.Flags[i]);
        }
    }

    /// <summary>The override of every flag (null where none), keeping <paramref name="previous"/> where a value is bad.</summary>
    public RuntimeOverride?[] Read(RuntimeOverride?[]? previous)
    {
        var overrides = new RuntimeOverride?[_manifest.Flags.Count];
        var section = OverrideTree.Build(_entries.Read(), _manifest.ConfigSection);
        if (OverrideReader.SectionProblem(section) is { } sectionProblem)
        {
            _warnings.Section(SourceOf(sectionProblem.Node), sectionProblem.Shown, sectionProblem.Accepted);
        }

        foreach (var entry in section.Children)
        {
            var index = _manifest.IndexOf(entry.Key);
            if (index < 0)
            {
                _warnings.Unknown(entry.Path, entry.Key, entry.Value, DeclaredKeys());
                continue;
            }

            var definition = _manifest.Flags[index];
            var reading = OverrideReader.Read(_shapes[index], entry);
            foreach (var problem in reading.Problems)
            {
                if (problem.Rejects)
                {
                    _warnings.Invalid(SourceOf(problem.Node), problem.Shown, definition, problem.Accepted);
                }
                else
                {
                    _warnings.Ignored(problem.Node.Path, problem.Shown, definition, problem.Accepted);
                }
            }

            overrides[index] = reading.Rejected ? previous?[index] : ToRuntime(reading, definition, entry);
        }

        return overrides;
    }

    /// <summary>The source an evaluation names: the flag variable, or the configuration path.</summary>
    private static string SourceOf(OverrideNode node) => node.ValueOrigin as string ?? FlagSources.ConfigurationPrefix + node.Path;

    /// <summary>The flag as the override reader sees it (the store's validation reads writes with the same shape).</summary>
    internal static OverrideFlagShape ShapeOf(FlagDefinition definition) => new(
        definition.Key,
        definition.Type switch
        {
            FlagValueKind.Bool => OverrideFlagType.Bool,
            FlagValueKind.Int => OverrideFlagType.Int,
            FlagValueKind.Double => OverrideFlagType.Double,
            FlagValueKind.String => OverrideFlagType.String,
            _ => OverrideFlagType.Variant,
        },
        definition.Variants);

    private static RuntimeOverride? ToRuntime(OverrideReading reading, FlagDefinition definition, OverrideNode entry)
    {
        if (reading.IsEmpty)
        {
            // Only Expires, or nothing usable: no override.
            return null;
        }

        var value = reading.Value is { } set ? new FlagOutcome(ValueOf(set, definition), FlagReason.Override, SourceOf(set.Node)) : null;
        var killed = reading.Kill is { } kill ? RuntimeOverride.KilledOutcome(definition, SourceOf(kill.Node)) : null;
        var rollout = reading.Rollout?.Thousandths ?? CompiledFlag.NoRollout;
        var rolloutSource = SourceOf(reading.Rollout?.Node ?? entry);
        var allow = reading.Allow is { } allowed ? TargetMap.Create(allowed.Entries, new FlagOutcome(FlagValue.FromBool(true), FlagReason.TargetingMatch, SourceOf(allowed.Node))) : null;
        var deny = reading.Deny is { } denied ? TargetMap.Create(denied.Entries, new FlagOutcome(FlagValue.FromBool(false), FlagReason.TargetingMatch, SourceOf(denied.Node))) : null;
        TargetOverride[]? targets = null;
        if (reading.Targets.Count > 0)
        {
            targets = new TargetOverride[reading.Targets.Count];
            for (var i = 0; i < targets.Length; i++)
            {
                var target = reading.Targets[i];
                var source = SourceOf(target.Setting.Node);
                var outcome = target.Setting.Kind == OverrideSettingKind.Kill
                    ? RuntimeOverride.KilledOutcome(definition, source)
                    : new FlagOutcome(ValueOf(target.Setting, definition), FlagReason.TargetingMatch, source);
                targets[i] = new TargetOverride(target.Target, outcome, target.Expires);
            }
        }

        return new RuntimeOverride(value, killed, rollout, rolloutSource, allow, deny, targets, reading.Expires);
    }

    /// <summary>The value of a setting the reader accepted, from its one spelling (<see cref="OverrideSetting.Canonical"/>).</summary>
    private static FlagValue ValueOf(OverrideSetting setting, FlagDefinition definition)
    {
        var canonical = setting.Canonical;
        switch (definition.Type)
        {
            case FlagValueKind.Bool:
                return canonical == "shadow" ? FlagValue.FromMode(FlagMode.Shadow) : FlagValue.FromBool(canonical == "true");
            case FlagValueKind.Int:
                return FlagValue.FromInt(int.Parse(canonical, NumberStyles.Integer, CultureInfo.InvariantCulture));
            case FlagValueKind.Double:
                return FlagValue.FromDouble(double.Parse(canonical, NumberStyles.Float, CultureInfo.InvariantCulture));
            case FlagValueKind.String:
                return FlagValue.FromString(canonical);
            default:
                for (var i = 0; i < definition.Variants.Count; i++)
                {
                    if (string.Equals(definition.Variants[i], canonical, StringComparison.Ordinal))
                    {
                        return FlagValue.FromVariant(i);
                    }
                }

                return definition.DefaultValue;
        }
    }

    private IEnumerable<string> DeclaredKeys()
    {
        foreach (var flag in _manifest.Flags)
        {
            yield return flag.Key;
        }
    }
}
