using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using TypedFlags.Generators.Diagnostics;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Json;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Naming;
using TypedFlags.Manifest.Overrides;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// Walks the flags section of one appsettings file the way the runtime reads it (SPEC §4.2: a scalar, or the object
/// <c>{ Value, State, Rollout, Allow, Deny, Targets, Expires }</c>) and reports what the runtime would ignore or reject.
/// One diagnostic per flag: the runtime rejects an override at its first bad value.
/// </summary>
internal sealed class AppSettingsChecker
{
    private readonly FlagCatalog _catalog;
    private readonly string _path;
    private readonly Action<Diagnostic> _report;

    public AppSettingsChecker(FlagCatalog catalog, string path, Action<Diagnostic> report)
    {
        _catalog = catalog;
        _path = path;
        _report = report;
    }

    public void Check(JsonObject root)
    {
        foreach (var section in _catalog.ConfigSections)
        {
            // Configuration keys are case-insensitive, and the JSON provider refuses a file that sets one twice.
            var leaves = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var container in Sections(root, section.Split(':'), 0))
            {
                foreach (var property in container.Properties)
                {
                    var path = section + ":" + property.Name;
                    if (Duplicate(path, property.NameSpan, property.Value, leaves) is { } duplicate && _catalog.TryGet(property.Name, out var flag) && flag.Model is { } model)
                    {
                        _report(Diagnostic.Create(FlagDescriptors.InvalidOverride, Locate(duplicate.Span), duplicate.Path, "a second value", TypeName(model.Type), model.Key, DuplicateExpected));
                        continue;
                    }

                    CheckFlag(section, property);
                }
            }
        }
    }

    private const string DuplicateExpected = "the key once (the JSON configuration provider stops the app at startup with a FormatException on a duplicate key)";

    /// <summary>
    /// Adds the configuration keys <paramref name="value"/> sets under <paramref name="path"/> to
    /// <paramref name="leaves"/>, and returns the first that was already there.
    /// </summary>
    private static (SourceSpan Span, string Path)? Duplicate(string path, SourceSpan nameSpan, JsonNode value, HashSet<string> leaves)
    {
        (SourceSpan Span, string Path)? first = null;
        switch (value)
        {
            case JsonObject { Properties.Count: > 0 } obj:
                foreach (var field in obj.Properties)
                {
                    // Every field is recorded, also after a duplicate, so a later repeat of it is still found.
                    var found = Duplicate(path + ":" + field.Name, field.NameSpan, field.Value, leaves);
                    first ??= found;
                }

                return first;
            case JsonArray { Items.Count: > 0 } array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    var item = array.Items[i];
                    var itemPath = path + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var found = Duplicate(itemPath, item.Span, item, leaves);
                    first ??= found;
                }

                return first;
            default:
                // A scalar, or an empty object or array, which the provider stores as one key with no value.
                return leaves.Add(path) ? null : (nameSpan, path);
        }
    }

    private static IEnumerable<JsonObject> Sections(JsonObject parent, string[] segments, int index)
    {
        // Configuration merges repeated names, so every object with the section's name counts.
        foreach (var property in parent.Properties)
        {
            if (string.Equals(property.Name, segments[index], StringComparison.OrdinalIgnoreCase) && property.Value is JsonObject child)
            {
                if (index == segments.Length - 1)
                {
                    yield return child;
                }
                else
                {
                    foreach (var nested in Sections(child, segments, index + 1))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }

    private void CheckFlag(string section, JsonProperty property)
    {
        var path = section + ":" + property.Name;
        if (!_catalog.TryGet(property.Name, out var flag) || (flag.ConfigSection is { } own && !string.Equals(own, section, StringComparison.OrdinalIgnoreCase)))
        {
            var closest = Suggestions.Closest(property.Name, _catalog.Keys);
            _report(Diagnostic.Create(
                FlagDescriptors.UndeclaredOverride,
                Locate(property.NameSpan),
                path,
                closest is null ? string.Empty : "; did you mean '" + closest + "'?"));
            return;
        }

        if (flag.Model is not { } model)
        {
            return;
        }

        var problem = property.Value switch
        {
            JsonScalar scalar => CheckValue(model, scalar, path, allowRollout: true, allowKill: model.Type == FlagValueType.Bool),
            JsonObject overrideObject => CheckObject(model, overrideObject, path),
            _ => new Problem(property.Value.Span, path, "an array", "a value, or an object with " + OverrideGrammar.ObjectFields),
        };

        if (problem is { } found)
        {
            _report(Diagnostic.Create(FlagDescriptors.InvalidOverride, Locate(found.Span), found.Path, found.Shown, TypeName(model.Type), model.Key, found.Expected));
        }
    }

    private static Problem? CheckObject(FlagModel flag, JsonObject value, string path)
    {
        var isBool = flag.Type == FlagValueType.Bool;
        foreach (var field in value.Properties)
        {
            var fieldPath = path + ":" + field.Name;
            Problem? problem = field.Name.ToUpperInvariant() switch
            {
                "VALUE" => Scalar(field) is { } scalar ? CheckValue(flag, scalar, fieldPath, allowRollout: true, allowKill: isBool) : NotScalar(field, fieldPath, Accepted(flag)),
                "STATE" => Scalar(field) is { } state ? CheckState(flag, state, fieldPath) : NotScalar(field, fieldPath, isBool ? Accepted(flag) : OverrideGrammar.StateAccepted),
                "ROLLOUT" when isBool => Scalar(field) is { } rollout ? CheckRollout(rollout, fieldPath) : NotScalar(field, fieldPath, OverrideGrammar.RolloutAccepted),
                "ALLOW" or "DENY" when isBool => CheckList(field, fieldPath),
                "TARGETS" => CheckTargets(flag, field, fieldPath),
                "EXPIRES" => Scalar(field) is { } expires ? CheckExpires(expires, fieldPath) : NotScalar(field, fieldPath, OverrideGrammar.ExpiresAccepted),
                "ROLLOUT" or "ALLOW" or "DENY" => new Problem(field.NameSpan, fieldPath, "field '" + field.Name + "'", "Value, State, Targets or Expires: Rollout, Allow and Deny apply to bool flags only"),
                _ => new Problem(field.NameSpan, fieldPath, "field '" + field.Name + "'", "one of the fields " + OverrideGrammar.ObjectFields),
            };

            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static Problem? CheckValue(FlagModel flag, JsonScalar scalar, string path, bool allowRollout, bool allowKill)
    {
        if (scalar.Value is not { } raw || raw.Trim().Length == 0)
        {
            return null;
        }

        var text = raw.Trim();
        var valid = flag.Type switch
        {
            FlagValueType.Bool => OverrideGrammar.IsTrue(text) || OverrideGrammar.IsFalse(text) || OverrideGrammar.IsShadow(text)
                || (allowKill && OverrideGrammar.IsKill(text))
                || (allowRollout && text.EndsWith("%", StringComparison.Ordinal) && OverrideGrammar.TryParsePercent(text.Substring(0, text.Length - 1), out _)),
            FlagValueType.Int => OverrideGrammar.TryParseInt(text, out _) || (allowKill && OverrideGrammar.IsKill(text)),
            FlagValueType.Double => OverrideGrammar.TryParseDouble(text, out _) || (allowKill && OverrideGrammar.IsKill(text)),
            FlagValueType.String => true,
            _ => IsVariant(flag, text) || (allowKill && OverrideGrammar.IsKill(text)),
        };

        return valid ? null : new Problem(scalar.Span, path, "'" + raw + "'", allowRollout || flag.Type != FlagValueType.Bool ? Accepted(flag) : OverrideGrammar.TargetValueAccepted);
    }

    private static Problem? CheckState(FlagModel flag, JsonScalar state, string path)
    {
        if (state.Value is { } raw && (OverrideGrammar.IsKill(raw.Trim()) || OverrideGrammar.IsActive(raw.Trim())))
        {
            return null;
        }

        if (flag.Type == FlagValueType.Bool)
        {
            return CheckValue(flag, state, path, allowRollout: true, allowKill: true);
        }

        return state.Value is null || state.Value.Trim().Length == 0 ? null : new Problem(state.Span, path, "'" + state.Value + "'", OverrideGrammar.StateAccepted);
    }

    private static Problem? CheckRollout(JsonScalar rollout, string path) =>
        rollout.Value is not { } raw || raw.Trim().Length == 0 || OverrideGrammar.TryParsePercent(raw.Trim().TrimEnd('%'), out _)
            ? null
            : new Problem(rollout.Span, path, "'" + raw + "'", OverrideGrammar.RolloutAccepted);

    private static Problem? CheckExpires(JsonScalar expires, string path) =>
        expires.Value is not { } raw || raw.Trim().Length == 0 || OverrideGrammar.TryParseExpires(raw, out _)
            ? null
            : new Problem(expires.Span, path, "'" + raw + "'", OverrideGrammar.ExpiresAccepted);

    private static Problem? CheckList(JsonProperty field, string path)
    {
        if (field.Value is JsonScalar)
        {
            return null;
        }

        if (field.Value is JsonArray array)
        {
            foreach (var item in array.Items)
            {
                if (item is not JsonScalar)
                {
                    return new Problem(item.Span, path, "an object", OverrideGrammar.ListAccepted);
                }
            }

            return null;
        }

        return new Problem(field.Value.Span, path, "an object", OverrideGrammar.ListAccepted);
    }

    private static Problem? CheckTargets(FlagModel flag, JsonProperty field, string path)
    {
        switch (field.Value)
        {
            case JsonObject map:
                foreach (var entry in map.Properties)
                {
                    // "tenant:acme" as a key arrives as tenant → acme; the runtime joins it back.
                    if (entry.Value is JsonObject nested && (entry.Name == "tenant" || entry.Name == "group") && !LooksLikeTarget(nested))
                    {
                        foreach (var inner in nested.Properties)
                        {
                            if (CheckTarget(flag, inner.Value, path + ":" + entry.Name + ":" + inner.Name) is { } problem)
                            {
                                return problem;
                            }
                        }
                    }
                    else if (CheckTarget(flag, entry.Value, path + ":" + entry.Name) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonArray array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    var itemPath = path + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (array.Items[i] is not JsonObject item || item.Find("Target") is not { Value: JsonScalar { Value: { } target } } || target.Trim().Length == 0)
                    {
                        return new Problem(array.Items[i].Span, itemPath, "an entry without Target", "{ Target, Value, State, Expires } with a Target");
                    }

                    if (CheckTarget(flag, item, itemPath) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            default:
                return new Problem(field.Value.Span, path, "a single value", "a map from target to value, or an array of { " + OverrideGrammar.TargetFields + " }");
        }
    }

    private static Problem? CheckTarget(FlagModel flag, JsonNode value, string path)
    {
        if (value is JsonScalar scalar)
        {
            return CheckValue(flag, scalar, path, allowRollout: false, allowKill: flag.Type != FlagValueType.String);
        }

        if (value is not JsonObject entry)
        {
            return new Problem(value.Span, path, "an array", "a value, or { " + OverrideGrammar.TargetFields + " }");
        }

        foreach (var field in entry.Properties)
        {
            var fieldPath = path + ":" + field.Name;
            Problem? problem = field.Name.ToUpperInvariant() switch
            {
                "TARGET" => null,
                "VALUE" => Scalar(field) is { } scalarValue ? CheckValue(flag, scalarValue, fieldPath, allowRollout: false, allowKill: flag.Type != FlagValueType.String) : NotScalar(field, fieldPath, Accepted(flag)),
                "STATE" => Scalar(field) is { } state ? CheckState(flag, state, fieldPath) : NotScalar(field, fieldPath, OverrideGrammar.StateAccepted),
                "EXPIRES" => Scalar(field) is { } expires ? CheckExpires(expires, fieldPath) : NotScalar(field, fieldPath, OverrideGrammar.ExpiresAccepted),
                _ => new Problem(field.NameSpan, fieldPath, "field '" + field.Name + "'", "one of the target fields " + OverrideGrammar.TargetFields),
            };

            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static bool LooksLikeTarget(JsonObject value) =>
        value.Find("Value") is not null || value.Find("State") is not null || value.Find("Expires") is not null || value.Find("Target") is not null;

    private static JsonScalar? Scalar(JsonProperty field) => field.Value as JsonScalar;

    private static Problem NotScalar(JsonProperty field, string path, string expected) =>
        new(field.Value.Span, path, field.Value is JsonArray ? "an array" : "an object", expected);

    private static bool IsVariant(FlagModel flag, string text)
    {
        foreach (var variant in flag.Variants)
        {
            if (string.Equals(variant.Name, text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Accepted(FlagModel flag) => flag.Type switch
    {
        FlagValueType.Bool => OverrideGrammar.BoolAccepted,
        FlagValueType.Int => OverrideGrammar.IntAccepted,
        FlagValueType.Double => OverrideGrammar.DoubleAccepted,
        FlagValueType.String => OverrideGrammar.StringAccepted,
        _ => OverrideGrammar.VariantAccepted(VariantNames(flag)),
    };

    private static IEnumerable<string> VariantNames(FlagModel flag)
    {
        foreach (var variant in flag.Variants)
        {
            yield return variant.Name;
        }
    }

    private static string TypeName(FlagValueType type) => type switch
    {
        FlagValueType.Bool => "bool",
        FlagValueType.Int => "int",
        FlagValueType.Double => "double",
        FlagValueType.String => "string",
        _ => "variant",
    };

    private Location Locate(SourceSpan span) => ManifestDiagnosticConverter.LocationOf(_path, span);

    private sealed record Problem(SourceSpan Span, string Path, string Shown, string Expected);
}
