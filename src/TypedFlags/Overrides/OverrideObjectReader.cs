using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using TypedFlags.Manifest.Overrides;

namespace TypedFlags;

/// <summary>
/// Reads one flag's override from configuration: a scalar, or the object
/// <c>{ Value, State, Rollout, Allow, Deny, Targets, Expires }</c> of SPEC §4.2. Field names are case-insensitive,
/// as configuration keys are. A value that is not valid makes the whole override invalid (the caller keeps the last
/// good one); a field that does not exist or does not apply to the flag's type is ignored with a warning.
/// </summary>
/// <remarks>
/// <para><c>State</c>: <c>kill</c> turns the flag off for everyone (any type: non-bool flags return their default);
/// <c>active</c> applies nothing; bool flags also take any bool word or <c>shadow</c>, like <c>Value</c>.</para>
/// <para><c>Allow</c>/<c>Deny</c> (bool flags): an array, or one string of entries separated by commas or semicolons
/// (handy in an environment variable). They add to the lists in flags.yaml.</para>
/// <para><c>Targets</c>: a map from target to a scalar or to <c>{ Value, State, Expires }</c>, or an array of
/// <c>{ Target, Value, State, Expires }</c>. Configuration splits keys at ':', so the map entry
/// <c>"tenant:acme"</c> arrives as section <c>tenant</c> → <c>acme</c>; sections named <c>tenant</c> and <c>group</c>
/// are read that way. A targeting key that contains ':' or differs from another only in case needs the array form.</para>
/// </remarks>
internal readonly struct OverrideObjectReader
{
    private const string StateAccepted = OverrideGrammar.StateAccepted;
    private const string ListAccepted = OverrideGrammar.ListAccepted;

    private readonly FlagDefinition _definition;
    private readonly OverrideSources? _sources;
    private readonly OverrideWarnings _warnings;

    public OverrideObjectReader(FlagDefinition definition, OverrideSources? sources, OverrideWarnings warnings)
    {
        _definition = definition;
        _sources = sources;
        _warnings = warnings;
    }

    private bool IsBool => _definition.Type == FlagValueKind.Bool;

    /// <summary>Reads <c>Flags:&lt;key&gt;</c> = scalar. An empty value means no override.</summary>
    public bool TryReadScalar(string path, string raw, out RuntimeOverride? result) =>
        TryReadScalarFrom(SourceOf(path), raw, out result);

    /// <summary>Reads a scalar whose source is already known (a flag environment variable). An empty value means no override.</summary>
    public bool TryReadScalarFrom(string source, string raw, out RuntimeOverride? result)
    {
        result = null;
        if (raw.Trim().Length == 0)
        {
            return true;
        }

        if (!TryParse(source, raw, out var scalar))
        {
            return false;
        }

        result = RuntimeOverride.FromScalar(scalar, _definition, source);
        return true;
    }

    /// <summary>Reads <c>Flags:&lt;key&gt;</c> = object.</summary>
    public bool TryReadObject(IConfigurationSection entry, out RuntimeOverride? result)
    {
        result = null;
        FlagOutcome? value = null;
        FlagOutcome? killed = null;
        var rollout = CompiledFlag.NoRollout;
        var rolloutSource = SourceOf(entry.Path);
        TargetMap? allow = null;
        TargetMap? deny = null;
        TargetOverride[]? targets = null;
        DateTimeOffset? expires = null;

        foreach (var field in entry.GetChildren())
        {
            var ok = true;
            switch (field.Key.ToUpperInvariant())
            {
                case "VALUE":
                case "STATE":
                    ok = TryReadValueOrState(field, ref value, ref killed, ref rollout, ref rolloutSource);
                    break;
                case "ROLLOUT" when IsBool:
                    ok = TryReadRollout(field, ref rollout, ref rolloutSource);
                    break;
                case "ALLOW" when IsBool:
                    ok = TryReadList(field, FlagValue.FromBool(true), out allow);
                    break;
                case "DENY" when IsBool:
                    ok = TryReadList(field, FlagValue.FromBool(false), out deny);
                    break;
                case "TARGETS":
                    ok = TryReadTargets(field, out targets);
                    break;
                case "EXPIRES":
                    ok = TryReadExpires(field, out expires);
                    break;
                case "ROLLOUT":
                case "ALLOW":
                case "DENY":
                    _warnings.Unsupported(field.Path, $"{field.Key} applies only to bool flags, and '{_definition.Key}' is a {_definition.Type.ToString().ToLowerInvariant()} flag.");
                    break;
                default:
                    _warnings.Unsupported(field.Path, "it is not an override field (Value, State, Rollout, Allow, Deny, Targets, Expires).");
                    break;
            }

            if (!ok)
            {
                return false;
            }
        }

        if (value is null && killed is null && rollout == CompiledFlag.NoRollout && allow is null && deny is null && targets is null)
        {
            // Only Expires, or nothing usable: no override.
            return true;
        }

        result = new RuntimeOverride(value, killed, rollout, rolloutSource, allow, deny, targets, expires);
        return true;
    }

    /// <summary><c>Value</c> and <c>State</c>: a value, a kill or (bool <c>Value</c>) a rollout. Two different settings conflict.</summary>
    private bool TryReadValueOrState(IConfigurationSection field, ref FlagOutcome? value, ref FlagOutcome? killed, ref int rollout, ref string rolloutSource)
    {
        if (field.Value is not { } raw || raw.Trim().Length == 0)
        {
            return true;
        }

        var source = SourceOf(field.Path);
        var isState = field.Key.Equals("State", StringComparison.OrdinalIgnoreCase);
        OverrideScalar scalar;
        if (isState && OverrideParser.IsKill(raw.Trim()))
        {
            scalar = OverrideScalar.ForKill();
        }
        else if (isState && OverrideGrammar.IsActive(raw.Trim()))
        {
            return true;
        }
        else if (isState && !IsBool)
        {
            _warnings.Invalid(source, raw, _definition, StateAccepted);
            return false;
        }
        else if (!TryParse(source, raw, out scalar))
        {
            return false;
        }

        switch (scalar.Kind)
        {
            case OverrideScalarKind.Kill:
                killed = RuntimeOverride.KilledOutcome(_definition, source);
                return true;
            case OverrideScalarKind.Rollout:
                rollout = scalar.RolloutThousandths;
                rolloutSource = source;
                return true;
            default:
                var outcome = new FlagOutcome(scalar.Value, FlagReason.Override, source);
                if (value is not null && !value.Value.Equals(outcome.Value))
                {
                    _warnings.Invalid(source, raw, _definition, "the same value as the other of Value and State, or only one of them");
                    return false;
                }

                value = outcome;
                return true;
        }
    }

    private bool TryReadRollout(IConfigurationSection field, ref int rollout, ref string rolloutSource)
    {
        if (field.Value is not { } raw || raw.Trim().Length == 0)
        {
            return true;
        }

        var source = SourceOf(field.Path);
        if (!Percent.TryParse(raw.Trim().TrimEnd('%'), out rollout))
        {
            _warnings.Invalid(source, raw, _definition, OverrideGrammar.RolloutAccepted);
            return false;
        }

        rolloutSource = source;
        return true;
    }

    /// <summary><c>Allow</c>/<c>Deny</c>: an array, or one string split at ',' and ';'.</summary>
    private bool TryReadList(IConfigurationSection field, FlagValue value, out TargetMap? list)
    {
        var entries = new List<string>();
        if (field.Value is { } joined)
        {
            foreach (var part in joined.Split(',', ';'))
            {
                AddEntry(entries, part);
            }
        }

        foreach (var item in field.GetChildren())
        {
            if (item.Value is null)
            {
                // Configuration splits "tenant:acme" written as a key; an array item is a plain value.
                _warnings.Invalid(ConfigurationPrefixed(item.Path), "(an object)", _definition, ListAccepted);
                list = null;
                return false;
            }

            AddEntry(entries, item.Value);
        }

        list = TargetMap.Create(entries, new FlagOutcome(value, FlagReason.TargetingMatch, SourceOf(field.Path)));
        return true;

        static void AddEntry(List<string> entries, string text)
        {
            var trimmed = text.Trim();
            if (trimmed.Length > 0)
            {
                entries.Add(trimmed);
            }
        }
    }

    private bool TryReadTargets(IConfigurationSection field, out TargetOverride[]? targets)
    {
        targets = null;
        var entries = new List<TargetOverride>();
        foreach (var child in field.GetChildren())
        {
            bool ok;
            if (child.Value is null && child.GetSection("Target").Value is { } target)
            {
                // Array form: { Target, Value, State, Expires }.
                ok = TryReadTarget(target.Trim(), child, entries);
            }
            else if (child.Value is null && (child.Key == "tenant" || child.Key == "group"))
            {
                // Map form with a prefixed key, which configuration split at ':'.
                ok = true;
                foreach (var prefixed in child.GetChildren())
                {
                    ok &= TryReadTarget(child.Key + ":" + prefixed.Key, prefixed, entries);
                }
            }
            else
            {
                ok = TryReadTarget(child.Key, child, entries);
            }

            if (!ok)
            {
                return false;
            }
        }

        targets = entries.Count > 0 ? entries.ToArray() : null;
        return true;
    }

    /// <summary>One target's entry: a scalar, or an object with <c>Value</c>/<c>State</c>/<c>Expires</c> (and <c>Target</c> in the array form).</summary>
    private bool TryReadTarget(string target, IConfigurationSection entry, List<TargetOverride> entries)
    {
        if (target.Length == 0)
        {
            _warnings.Invalid(ConfigurationPrefixed(entry.Path), "(empty target)", _definition, "a targeting key, tenant:NAME or group:NAME");
            return false;
        }

        if (entry.Value is { } scalar)
        {
            if (scalar.Trim().Length == 0)
            {
                return true;
            }

            if (!TryReadTargetValue(entry.Path, scalar, out var outcome))
            {
                return false;
            }

            entries.Add(new TargetOverride(target, outcome, null));
            return true;
        }

        FlagOutcome? value = null;
        DateTimeOffset? expires = null;
        foreach (var field in entry.GetChildren())
        {
            switch (field.Key.ToUpperInvariant())
            {
                case "TARGET":
                    break;
                case "VALUE":
                case "STATE":
                    if (field.Value is { } raw && raw.Trim().Length > 0)
                    {
                        if (!TryReadTargetValue(field.Path, raw, out var outcome))
                        {
                            return false;
                        }

                        value = outcome;
                    }

                    break;
                case "EXPIRES":
                    if (!TryReadExpires(field, out expires))
                    {
                        return false;
                    }

                    break;
                default:
                    _warnings.Unsupported(field.Path, "it is not a target field (Target, Value, State, Expires).");
                    break;
            }
        }

        if (value is not null)
        {
            entries.Add(new TargetOverride(target, value, expires));
        }

        return true;
    }

    /// <summary>A target's value: the flag's grammar without rollouts (a single target is in or out).</summary>
    private bool TryReadTargetValue(string path, string raw, out FlagOutcome outcome)
    {
        outcome = null!;
        var source = SourceOf(path);
        if (OverrideParser.IsKill(raw.Trim()) && _definition.Type != FlagValueKind.String)
        {
            outcome = RuntimeOverride.KilledOutcome(_definition, source);
            return true;
        }

        if (!TryParse(source, raw, out var scalar))
        {
            return false;
        }

        if (scalar.Kind == OverrideScalarKind.Rollout)
        {
            _warnings.Invalid(source, raw, _definition, OverrideGrammar.TargetValueAccepted);
            return false;
        }

        outcome = scalar.Kind == OverrideScalarKind.Kill
            ? RuntimeOverride.KilledOutcome(_definition, source)
            : new FlagOutcome(scalar.Value, FlagReason.TargetingMatch, source);
        return true;
    }

    private bool TryReadExpires(IConfigurationSection field, out DateTimeOffset? expires)
    {
        expires = null;
        if (field.Value is not { } raw || raw.Trim().Length == 0)
        {
            return true;
        }

        if (!OverrideTime.TryParse(raw, out var parsed))
        {
            _warnings.Invalid(SourceOf(field.Path), raw, _definition, OverrideTime.Accepted);
            return false;
        }

        expires = parsed;
        return true;
    }

    private bool TryParse(string source, string raw, out OverrideScalar scalar)
    {
        if (OverrideParser.TryParse(_definition, raw, out scalar))
        {
            return true;
        }

        _warnings.Invalid(source, raw, _definition, OverrideParser.Accepted(_definition));
        return false;
    }

    private string SourceOf(string path) => _sources?.Of(path) ?? ConfigurationPrefixed(path);

    private static string ConfigurationPrefixed(string path) => OverrideSources.ConfigurationPrefix + path;
}
