using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TypedFlags.Manifest.Naming;

namespace TypedFlags.Cli.Import;

/// <summary>
/// Reads Microsoft.FeatureManagement configuration — the <c>feature_management</c> schema (<c>feature_flags</c>) and
/// the older <c>FeatureManagement</c> section — into flags, keeping every user's cohort: <c>Microsoft.Targeting</c>
/// becomes allow/deny lists, group rollouts and a rollout hashed as Microsoft.FeatureManagement hashes them
/// (<c>bucketing: microsoft</c>, the old name in <c>hash_name</c> when it is not a valid key), a percentile allocation
/// becomes a split with its seed, a time window without recurrence a schedule. What has no exact equivalent is left
/// as written where possible and listed in <see cref="Notes"/> with what to do.
/// </summary>
internal sealed class FeatureManagementReader
{
    private readonly Dictionary<string, ImportedFlag> _byName = new(StringComparer.OrdinalIgnoreCase);

    // appsettings.json's feature_management:feature_flags, which the environment files are layered over.
    private JsonArray _baseFeatures = new();
    private string _baseFile = "appsettings.json";

    public List<ImportedFlag> Flags { get; } = new();

    public List<ImportNote> Notes { get; } = new();

    /// <summary>Reads one appsettings file; <paramref name="environment"/> is null for appsettings.json, else e.g. Staging.</summary>
    public void Read(string json, string file, string? environment)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        foreach (var section in document.RootElement.EnumerateObject())
        {
            if (section.Name.Equals("feature_management", StringComparison.OrdinalIgnoreCase) && section.Value.ValueKind == JsonValueKind.Object
                && Find(section.Value, "feature_flags") is { ValueKind: JsonValueKind.Array } flags)
            {
                if (environment is not null)
                {
                    ReadEnvironmentFeatures(JsonNode.Parse(flags.GetRawText())!.AsArray(), environment, file);
                    continue;
                }

                _baseFeatures = JsonNode.Parse(flags.GetRawText())!.AsArray();
                _baseFile = file;
                foreach (var feature in flags.EnumerateArray())
                {
                    if (Find(feature, "id") is { ValueKind: JsonValueKind.String } id)
                    {
                        ReadFeature(id.GetString()!, feature, file);
                    }
                }
            }
            else if (section.Name.Equals("FeatureManagement", StringComparison.OrdinalIgnoreCase) && section.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var feature in section.Value.EnumerateObject())
                {
                    ReadLegacyFeature(feature.Name, feature.Value, environment, file);
                }
            }
        }
    }

    /// <summary>A feature of appsettings.json's feature_flags (environment files: <see cref="ReadEnvironmentFeatures"/>).</summary>
    private void ReadFeature(string name, JsonElement feature, string file)
    {
        var enabled = Find(feature, "enabled") is { ValueKind: JsonValueKind.True };
        var filters = Find(feature, "conditions") is { ValueKind: JsonValueKind.Object } conditions && Find(conditions, "client_filters") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().ToList()
            : new List<JsonElement>();
        var requirementAll = Find(feature, "conditions") is { ValueKind: JsonValueKind.Object } c && Find(c, "requirement_type") is { ValueKind: JsonValueKind.String } r
            && string.Equals(r.GetString(), "All", StringComparison.OrdinalIgnoreCase);
        var flag = FlagFor(name, environment: null, file, out _);
        if (flag is null)
        {
            return;
        }

        if (Find(feature, "telemetry") is { ValueKind: JsonValueKind.Object })
        {
            Notes.Add(new ImportNote(name, "telemetry", "TypedFlags emits OpenTelemetry evaluation events and counters: set FlagOptions.Telemetry = true (docs/runtime.md)."));
        }

        // A variant feature's filters only decide who gets default_when_disabled: the bool conversion of its filters
        // (and what it says about them) does not apply; ReadVariants names them instead.
        if (Find(feature, "variants") is { ValueKind: JsonValueKind.Array } variants && variants.GetArrayLength() > 0)
        {
            var filterNames = filters.Select(f => Find(f, "name") is { ValueKind: JsonValueKind.String } n ? n.GetString()! : "(unnamed)").ToList();
            ReadVariants(flag, enabled, filterNames, variants, Find(feature, "allocation"));
            if (flag.IsVariant)
            {
                return;
            }
        }

        ApplyFilters(flag, enabled, filters, requirementAll);

    }

    /// <summary>
    /// An environment file's <c>feature_flags</c>, layered over appsettings.json's as configuration layers them: by
    /// position, so an entry overwrites the fields of whatever feature sits at its index in appsettings.json, and the
    /// last entry with an id is the one Microsoft.FeatureManagement evaluates. What changes for a filterless feature
    /// becomes <c>environments:</c>; any other change is listed, as is an entry that lands on another feature.
    /// </summary>
    private void ReadEnvironmentFeatures(JsonArray features, string environment, string file)
    {
        var merged = ((JsonArray)ConfigurationMerge.Layer(_baseFeatures, features)!).ToList();
        var declared = _baseFeatures.ToList();
        for (var i = 0; i < Math.Min(features.Count, declared.Count); i++)
        {
            if (ConfigurationMerge.Id(features[i]) is { } moved && ConfigurationMerge.Id(declared[i]) is { } displaced
                && !string.Equals(moved, displaced, StringComparison.OrdinalIgnoreCase))
            {
                Notes.Add(new ImportNote(
                    displaced,
                    $"{file} puts '{moved}' at feature_flags[{i}], where {_baseFile} has '{displaced}'",
                    $"Configuration merges the two lists by position, so in {environment} that entry is '{moved}' with the other fields of both, and '{displaced}' is declared only if another entry repeats it; converted as Microsoft.FeatureManagement evaluates that by default. If the app sets CustomConfigurationMergingEnabled, declare {environment}'s values under environments: by hand; better, repeat each feature at its own position in {file}."));
            }
        }

        foreach (var flag in Flags)
        {
            var before = ConfigurationMerge.Feature(declared, flag.Name);
            var after = ConfigurationMerge.Feature(merged, flag.Name);
            if (before is null || JsonNode.DeepEquals(before, after))
            {
                // Declared in the older schema, or unchanged in this environment.
                continue;
            }

            // A feature no entry declares any more is off, as a missing feature is for Microsoft.FeatureManagement.
            if (!flag.IsVariant && IsFilterless(before) && (after is null || IsFilterless(after)))
            {
                var enabled = after is not null && IsEnabled(after);
                if (enabled != IsEnabled(before))
                {
                    flag.Environments[environment] = enabled;
                }
            }
            else
            {
                Notes.Add(new ImportNote(flag.Name, $"{file} changes filters or variants for {environment}", "Declare the differences under environments: or as overrides in that file (Flags:<key>; kill switches a flag off for everyone)."));
            }
        }

        foreach (var id in merged.Select(ConfigurationMerge.Id).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!_byName.ContainsKey(id))
            {
                Notes.Add(new ImportNote(id, $"declared only in {file}", "Declare it in flags.yaml with environments: for the environments where it is on."));
            }
        }
    }

    private static bool IsFilterless(JsonObject feature) =>
        Find(feature, "variants") is null
        && (Find(feature, "conditions") is not JsonObject conditions || Find(conditions, "client_filters") is not JsonArray { Count: > 0 });

    private static bool IsEnabled(JsonObject feature) => Find(feature, "enabled") is JsonValue value
        && ((value.TryGetValue<bool>(out var flag) && flag) || (value.TryGetValue<string>(out var text) && string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)));

    private static JsonNode? Find(JsonObject element, string name) =>
        element.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private void ReadLegacyFeature(string name, JsonElement value, string? environment, string file)
    {
        var flag = FlagFor(name, environment, file, out _);
        if (flag is null)
        {
            return;
        }

        bool enabled;
        var filters = new List<JsonElement>();
        var requirementAll = false;
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
            case JsonValueKind.False:
                enabled = value.ValueKind == JsonValueKind.True;
                break;
            case JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed):
                enabled = parsed;
                break;
            case JsonValueKind.Object:
                enabled = true;
                if (Find(value, "EnabledFor") is { ValueKind: JsonValueKind.Array } enabledFor)
                {
                    filters = enabledFor.EnumerateArray().ToList();
                }
                else
                {
                    enabled = false;
                }

                requirementAll = Find(value, "RequirementType") is { ValueKind: JsonValueKind.String } type && string.Equals(type.GetString(), "All", StringComparison.OrdinalIgnoreCase);
                break;
            default:
                Notes.Add(new ImportNote(name, $"unrecognized value in {file}", "Declare the flag by hand."));
                return;
        }

        if (environment is not null)
        {
            if (filters.Count == 0)
            {
                flag.Environments[environment] = enabled;

                // "Beta": true replaces the filters with AlwaysOn in Microsoft.FeatureManagement, so excluded users get
                // the feature there too; flags.yaml's deny list applies in every environment. ("Beta": false keeps the
                // filters there, as environments: false keeps the targeting here.)
                if (enabled && flag.Deny.Count > 0)
                {
                    Notes.Add(new ImportNote(name, $"{file} turns it on for everyone in {environment}, excluded users included", $"flags.yaml's targeting.deny ({string.Join(", ", flag.Deny)}) still applies in {environment}: if they should get it there, give them per-target values in that environment's configuration (Flags:{flag.Key}:Targets, docs/runtime.md), which beat deny."));
                }
            }
            else
            {
                Notes.Add(new ImportNote(name, $"{file} changes filters for {environment}", "Declare the differences under environments: or as overrides in that file (Flags:<key>)."));
            }

            return;
        }

        ApplyFilters(flag, enabled, filters, requirementAll);
    }

    private ImportedFlag? FlagFor(string name, string? environment, string file, out bool isNew)
    {
        isNew = false;
        if (_byName.TryGetValue(name, out var existing))
        {
            return existing;
        }

        if (environment is not null)
        {
            Notes.Add(new ImportNote(name, $"declared only in {file}", "Declare it in flags.yaml with environments: for the environments where it is on."));
            return null;
        }

        var flag = new ImportedFlag(name, KeyFor(name));
        if (Flags.Exists(f => string.Equals(f.Key, flag.Key, StringComparison.OrdinalIgnoreCase)))
        {
            Notes.Add(new ImportNote(name, $"its key '{flag.Key}' is taken by another feature", "Rename one of them in flags.yaml; keep the old name in hash_name."));
            return null;
        }

        isNew = true;
        _byName.Add(name, flag);
        Flags.Add(flag);
        return flag;
    }

    private void ApplyFilters(ImportedFlag flag, bool enabled, List<JsonElement> filters, bool requirementAll)
    {
        if (!enabled)
        {
            flag.Default = false;
            return;
        }

        if (filters.Count == 0)
        {
            flag.Default = true;
            return;
        }

        if (filters.Count > 1)
        {
            Notes.Add(new ImportNote(flag.Name, $"{filters.Count} filters ({(requirementAll ? "All" : "Any")})", "Only the first is converted; combine the others with requires: (All) or express them as targeting, or keep the feature in Microsoft.FeatureManagement."));
        }

        var filter = filters[0];
        var filterName = (Find(filter, "name") ?? Find(filter, "Name")) is { ValueKind: JsonValueKind.String } n ? n.GetString()! : string.Empty;
        var parameters = Find(filter, "parameters") ?? Find(filter, "Parameters");
        switch (Alias(filterName))
        {
            case "AlwaysOn":
                flag.Default = true;
                break;
            case "Targeting":
                ReadAudience(flag, parameters is { ValueKind: JsonValueKind.Object } p ? Find(p, "Audience") : null);
                break;
            case "Percentage":
                var value = parameters is { ValueKind: JsonValueKind.Object } pp && Find(pp, "Value") is { } v ? Number(v) : null;
                flag.Rollout = value;
                Notes.Add(new ImportNote(flag.Name, "Microsoft.Percentage decides at random on every call", $"Converted to rollout: {Format(value ?? 0)}, which is sticky per user (callers without a TargetingKey all share the empty id's answer). Review that this is what you want."));
                break;
            case "TimeWindow":
                ReadTimeWindow(flag, parameters);
                break;
            default:
                Notes.Add(new ImportNote(flag.Name, $"custom filter '{filterName}'", "Move its logic into code that reads the typed accessor together with your condition, or into targeting (allow group:X) fed from your context; the flag is off by default until then."));
                break;
        }
    }

    private void ReadAudience(ImportedFlag flag, JsonElement? audience)
    {
        if (audience is not { ValueKind: JsonValueKind.Object } a)
        {
            Notes.Add(new ImportNote(flag.Name, "a targeting filter without an Audience", "Declare the targeting by hand."));
            return;
        }

        flag.Allow.AddRange(Strings(Find(a, "Users")));
        if (Find(a, "Groups") is { ValueKind: JsonValueKind.Array } groups)
        {
            foreach (var group in groups.EnumerateArray())
            {
                var name = Find(group, "Name") is { ValueKind: JsonValueKind.String } g ? g.GetString()! : null;
                var percent = Find(group, "RolloutPercentage") is { } rp ? Number(rp) : 0;
                if (string.IsNullOrWhiteSpace(name))
                {
                    continue;
                }

                if (percent >= 100)
                {
                    flag.Allow.Add("group:" + name);
                }
                else
                {
                    flag.Groups.Add((name!, percent ?? 0));
                }
            }
        }

        if (Find(a, "DefaultRolloutPercentage") is { } rollout && Number(rollout) is { } r && r > 0)
        {
            flag.Rollout = r;
        }

        if (Find(a, "Exclusion") is { ValueKind: JsonValueKind.Object } exclusion)
        {
            flag.Deny.AddRange(Strings(Find(exclusion, "Users")));
            flag.Deny.AddRange(Strings(Find(exclusion, "Groups")).Select(g => "group:" + g));
        }
    }

    private void ReadTimeWindow(ImportedFlag flag, JsonElement? parameters)
    {
        if (parameters is not { ValueKind: JsonValueKind.Object } p || Find(p, "Recurrence") is { ValueKind: JsonValueKind.Object })
        {
            Notes.Add(new ImportNote(flag.Name, "a time window with a recurrence", "TypedFlags schedules are one-way steps; gate the recurring part in code (TimeProvider) or keep the feature in Microsoft.FeatureManagement."));
            return;
        }

        foreach (var (field, rollout) in new[] { ("Start", 100m), ("End", 0m) })
        {
            if (Find(p, field) is { ValueKind: JsonValueKind.String } text
                && DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                flag.Schedule.Add((at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), rollout));
            }
        }

        if (flag.Schedule.Count == 1 && flag.Schedule[0].Rollout == 0m)
        {
            // Only an end: on until then.
            flag.Schedule.Insert(0, ("2000-01-01", 100m));
        }
    }

    /// <summary>
    /// A variant feature: its variants, what each caller is allocated (users and groups become <c>targets</c>, the
    /// percentile ranges a <c>split</c>), the default for callers nothing allocates, which variants keep the feature
    /// enabled (<c>enabled_variants</c>, from <c>enabled</c> and each <c>status_override</c>) and each variant's
    /// <c>configuration_value</c>. Where Microsoft.FeatureManagement gives no variant (null), the flag gets a variant
    /// named <c>none</c>, which the adapter reports as null.
    /// </summary>
    /// <summary>The variant that stands for Microsoft.FeatureManagement's null variant; the adapter maps it back to null.</summary>
    private const string TypedFlagsNoVariant = "none";

    private void ReadVariants(ImportedFlag flag, bool enabled, List<string> filters, JsonElement variants, JsonElement? allocation)
    {
        var statuses = new Dictionary<string, bool?>(StringComparer.Ordinal);
        foreach (var variant in variants.EnumerateArray())
        {
            if (Find(variant, "name") is not { ValueKind: JsonValueKind.String } nameElement)
            {
                continue;
            }

            var name = nameElement.GetString()!;
            if (FlagNaming.DescribeKeyError(name) is not null)
            {
                Notes.Add(new ImportNote(flag.Name, $"variant name '{name}' is not a valid variant name", "Rename it in flags.yaml (letters, digits, . _ -); the split keeps its cohorts."));
                flag.Variants.Clear();
                return;
            }

            flag.Variants.Add(name);
            statuses[name] = null;
            if (Find(variant, "status_override") is { } status)
            {
                switch (status.ValueKind == JsonValueKind.String ? status.GetString() : null)
                {
                    case var text when string.Equals(text, "Enabled", StringComparison.OrdinalIgnoreCase):
                        statuses[name] = true;
                        break;
                    case var text when string.Equals(text, "Disabled", StringComparison.OrdinalIgnoreCase):
                        statuses[name] = false;
                        break;
                    case var text when string.Equals(text, "None", StringComparison.OrdinalIgnoreCase):
                        break;
                    default:
                        Notes.Add(new ImportNote(flag.Name, $"variant '{name}' has status_override {status.GetRawText()}, which is not None, Enabled or Disabled", "Microsoft.FeatureManagement throws for it; decide whether the variant enables the feature and list it in enabled_variants."));
                        break;
                }
            }

            if (Find(variant, "configuration_value") is { } configuration)
            {
                flag.Configuration.Add((name, configuration.Clone()));
            }
            else if (Find(variant, "configuration_reference") is not null)
            {
                Notes.Add(new ImportNote(flag.Name, $"variant '{name}' reads its configuration from configuration_reference", "Copy the referenced section into configuration: for the variant in flags.yaml."));
            }
        }

        if (flag.Variants.Count == 0)
        {
            return;
        }

        if (filters.Count > 0 && enabled)
        {
            Notes.Add(new ImportNote(flag.Name, $"a variant feature enabled by filters ({string.Join(", ", filters)})", "Imported as enabled for everyone: callers the filters excluded got default_when_disabled (or no variant). Give them that variant with targets:, or decide it in code."));
        }

        var allocated = allocation is { ValueKind: JsonValueKind.Object } a ? a : (JsonElement?)null;
        var whenEnabled = allocated is { } a1 && Find(a1, "default_when_enabled") is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;
        var whenDisabled = allocated is { } a2 && Find(a2, "default_when_disabled") is { ValueKind: JsonValueKind.String } d ? d.GetString() : null;

        // Without an allocation every caller gets no variant, enabled or not. A disabled feature gives everyone
        // default_when_disabled and allocates nothing.
        var fallsThrough = true;
        if (allocated is { } allocationObject && enabled)
        {
            ReadAllocation(flag, allocationObject, out var percentileCoversAll);
            fallsThrough = !percentileCoversAll;
        }

        var fallback = allocated is null ? null : enabled ? whenEnabled : whenDisabled;
        if (fallback is not null && !flag.Variants.Contains(fallback))
        {
            Notes.Add(new ImportNote(flag.Name, $"default variant '{fallback}' is not one of its variants", "Microsoft.FeatureManagement gives no variant here; so does the import ('none')."));
            fallback = null;
        }

        if (fallback is null && (fallsThrough || !enabled))
        {
            // A variant flag always has a value: "none" stands for Microsoft.FeatureManagement's null variant.
            if (!flag.Variants.Contains(TypedFlagsNoVariant))
            {
                flag.Variants.Insert(0, TypedFlagsNoVariant);
                statuses[TypedFlagsNoVariant] = null;
            }

            fallback = TypedFlagsNoVariant;
            Notes.Add(new ImportNote(flag.Name, "callers that no allocation places get no variant", "They get the variant 'none' here (null through IVariantFeatureManager): handle it where the code handled a null variant."));
        }

        flag.DefaultVariant = fallback ?? flag.Variants[0];

        // IsEnabledAsync: the feature's enabled state, unless the caller's variant overrides it. A feature with
        // enabled: false is Disabled to Microsoft.FeatureManagement, and then no status_override applies.
        var enabledVariants = enabled
            ? flag.Variants.Where(v => !statuses.TryGetValue(v, out var status) || status != false).ToList()
            : new List<string>();
        if (enabledVariants.Count != flag.Variants.Count)
        {
            flag.EnabledVariants = enabledVariants;
        }
    }

    /// <summary>The user, group and percentile allocations of an enabled variant feature, in Microsoft.FeatureManagement's order.</summary>
    private void ReadAllocation(ImportedFlag flag, JsonElement allocation, out bool percentileCoversAll)
    {
        percentileCoversAll = false;
        // Where each target went in flag.Targets, ignoring case as flags.yaml's duplicate check does; an allocation can
        // list thousands of users.
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, prefix, listName) in new[] { ("user", "", "users"), ("group", "group:", "groups") })
        {
            if (Find(allocation, section) is not { ValueKind: JsonValueKind.Array } entries)
            {
                continue;
            }

            foreach (var entry in entries.EnumerateArray())
            {
                var variant = Find(entry, "variant") is { ValueKind: JsonValueKind.String } v ? v.GetString()! : null;
                if (variant is null || !flag.Variants.Contains(variant) || Find(entry, listName) is not { ValueKind: JsonValueKind.Array } targets)
                {
                    Notes.Add(new ImportNote(flag.Name, $"a {section} allocation without a known variant or a {listName} list", "Microsoft.FeatureManagement skips it; so does the import."));
                    continue;
                }

                foreach (var target in targets.EnumerateArray())
                {
                    var id = target.ValueKind == JsonValueKind.String ? target.GetString() : target.GetRawText();
                    if (string.IsNullOrEmpty(id))
                    {
                        continue;
                    }

                    // The first allocation that names a user or group wins, as in Microsoft.FeatureManagement. Targets
                    // are unique ignoring case in flags.yaml; two that differ only in case cannot both be kept.
                    var key = prefix + id;
                    if (!positions.TryGetValue(key, out var existing))
                    {
                        positions.Add(key, flag.Targets.Count);
                        flag.Targets.Add((key, variant));
                    }
                    else if (!string.Equals(flag.Targets[existing].Target, key, StringComparison.Ordinal))
                    {
                        Notes.Add(new ImportNote(flag.Name, $"{section} '{id}' and '{flag.Targets[existing].Target}' differ only in case", $"flags.yaml keeps the first ('{flag.Targets[existing].Target}' gets {flag.Targets[existing].Variant}); set ignore_case or allocate the other in code."));
                    }
                }
            }
        }

        if (Find(allocation, "seed") is { ValueKind: JsonValueKind.String or JsonValueKind.Number } seed)
        {
            flag.Seed = seed.ToString();
        }

        if (Find(allocation, "percentile") is { ValueKind: JsonValueKind.Array } percentiles)
        {
            var ranges = percentiles.EnumerateArray()
                .Select(p => (Variant: Find(p, "variant")?.GetString(), From: Find(p, "from") is { } f ? Number(f) ?? 0 : 0, To: Find(p, "to") is { } t ? Number(t) ?? 0 : 0))
                .Where(p => p.Variant is not null && p.To > p.From)
                .ToList();

            // A split lays shares out from 0 in order: the ranges must tile [0, end) with one range per variant.
            var sorted = ranges.OrderBy(p => p.From).ToList();
            var contiguous = sorted.Count > 0 && sorted[0].From == 0 && sorted.Zip(sorted.Skip(1), (x, y) => x.To == y.From).All(b => b)
                && sorted.Select(p => p.Variant).Distinct(StringComparer.Ordinal).Count() == sorted.Count;
            if (!contiguous)
            {
                Notes.Add(new ImportNote(flag.Name, "percentile ranges with gaps, overlaps or one variant in several ranges", "Write the split by hand; callers outside every range get the base value."));
                return;
            }

            foreach (var range in sorted)
            {
                flag.Split.Add((range.Variant!, range.To - range.From));
            }

            percentileCoversAll = sorted[sorted.Count - 1].To >= 100;
        }
    }

    /// <summary>A valid key for a feature name: the name itself when valid, else lower-case words joined by '-'.</summary>
    public static string KeyFor(string name)
    {
        if (FlagNaming.DescribeKeyError(name) is null)
        {
            return name;
        }

        var key = new StringBuilder();
        foreach (var c in name)
        {
            if (c < 128 && char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
            else if (key.Length > 0 && key[key.Length - 1] != '-')
            {
                key.Append('-');
            }
        }

        var text = key.ToString().Trim('-');
        if (text.Length == 0 || !char.IsLetter(text[0]))
        {
            text = "feature-" + text;
        }

        return text;
    }

    private static string Alias(string filter)
    {
        var name = filter.StartsWith("Microsoft.", StringComparison.OrdinalIgnoreCase) ? filter.Substring("Microsoft.".Length) : filter;
        if (name.EndsWith("Filter", StringComparison.OrdinalIgnoreCase))
        {
            name = name.Substring(0, name.Length - "Filter".Length);
        }

        foreach (var known in new[] { "AlwaysOn", "Targeting", "Percentage", "TimeWindow" })
        {
            if (string.Equals(name, known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return filter;
    }

    private static JsonElement? Find(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            // Configuration keys ignore case.
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static decimal? Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDecimal(),
        JsonValueKind.String when decimal.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static IEnumerable<string> Strings(JsonElement? array) =>
        array is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!) : Enumerable.Empty<string>();

    public static string Format(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
