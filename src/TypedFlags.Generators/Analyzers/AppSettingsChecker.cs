using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using TypedFlags.Generators.Diagnostics;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Json;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Naming;
using TypedFlags.Manifest.Overrides;
using TypedFlags.Manifest.Parsing;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// Reads the flags section of one appsettings file with the runtime's own reader (<see cref="OverrideReader"/>, over
/// the file flattened as the JSON configuration provider does) and reports what the running app would ignore or
/// reject, each where it is written: every ignored field, and the first value that rejects the override (the
/// runtime stops there too). A key set twice, which stops the JSON provider, is reported instead of the flag.
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
        var entries = JsonOverrideEntries.Flatten(root);
        foreach (var section in _catalog.ConfigSections)
        {
            // Configuration keys are case-insensitive, and the JSON provider refuses a file that sets one twice:
            // such a flag is reported there and not read.
            var leaves = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var duplicated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var container in Sections(root, section.Split(':'), 0))
            {
                foreach (var property in container.Properties)
                {
                    var path = section + ":" + property.Name;
                    if (Duplicate(path, property.NameSpan, property.Value, leaves) is { } duplicate && _catalog.TryGet(property.Name, out var flag) && flag.Model is { } model)
                    {
                        _report(Diagnostic.Create(FlagDescriptors.InvalidOverride, Locate(duplicate.Span), duplicate.Path, "a second value", TypeName(model.Type), model.Key, DuplicateExpected));
                        duplicated.Add(property.Name);
                    }
                }
            }

            // The merged view the JSON provider gives the app, read by the runtime's reader.
            var node = OverrideTree.Build(entries, section);
            var sectionOrigin = OriginOf(node);
            if (OverrideReader.SectionProblem(node) is { } problem && sectionOrigin is not null)
            {
                _report(Diagnostic.Create(FlagDescriptors.InvalidOverrideSection, Locate(sectionOrigin.ValueSpan), node.Path, problem.Shown, problem.Accepted));
            }

            foreach (var entry in node.Children)
            {
                if (!duplicated.Contains(entry.Key) && (OriginOf(entry) ?? sectionOrigin) is { } origin)
                {
                    CheckFlag(entry, origin);
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

    /// <param name="entry">The flag's entry in the merged view.</param>
    /// <param name="origin">Where the entry is written (its own key, else the section's).</param>
    private void CheckFlag(OverrideNode entry, JsonOrigin origin)
    {
        if (!_catalog.TryGet(entry.Key, out var flag) || (flag.ConfigSection is { } own && !entry.Path.StartsWith(own + ":", StringComparison.OrdinalIgnoreCase)))
        {
            var closest = Suggestions.Closest(entry.Key, _catalog.Keys);
            _report(Diagnostic.Create(
                FlagDescriptors.UndeclaredOverride,
                Locate(origin.NameSpan),
                entry.Path,
                closest is null ? string.Empty : "; did you mean '" + closest + "'?"));
            return;
        }

        if (flag.Model is not { } model)
        {
            return;
        }

        // The runtime's reader: what it rejects or ignores is reported, each where it is written.
        foreach (var problem in OverrideReader.Read(ShapeOf(model), entry).Problems)
        {
            var at = OriginOf(problem.Node) ?? origin;
            _report(Diagnostic.Create(
                FlagDescriptors.InvalidOverride,
                Locate(problem.AtName ? at.NameSpan : at.ValueSpan),
                problem.Node.Path,
                problem.Shown,
                TypeName(model.Type),
                model.Key,
                problem.Accepted));
        }
    }

    private static JsonOrigin? OriginOf(OverrideNode node) => (node.ValueOrigin ?? node.Origin) as JsonOrigin;

    private static OverrideFlagShape ShapeOf(FlagModel flag)
    {
        var variants = new List<string>();
        foreach (var variant in flag.Variants)
        {
            variants.Add(variant.Name);
        }

        var type = flag.Type switch
        {
            FlagValueType.Bool => OverrideFlagType.Bool,
            FlagValueType.Int => OverrideFlagType.Int,
            FlagValueType.Double => OverrideFlagType.Double,
            FlagValueType.String => OverrideFlagType.String,
            _ => OverrideFlagType.Variant,
        };
        return new OverrideFlagShape(flag.Key, type, variants);
    }

    /// <summary>The type as flags.yaml spells it (the parser's table; the enum follows its order).</summary>
    private static string TypeName(FlagValueType type) => ManifestFields.Types[(int)type];

    private Location Locate(SourceSpan span) => ManifestDiagnosticConverter.LocationOf(_path, span);
}
