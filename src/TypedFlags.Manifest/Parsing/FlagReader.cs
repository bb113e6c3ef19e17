using System;
using System.Collections.Generic;
using System.Globalization;
using TypedFlags.Manifest.Collections;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Naming;
using TypedFlags.Manifest.Overrides;
using YamlDotNet.RepresentationModel;

namespace TypedFlags.Manifest.Parsing;

/// <summary>Reads one entry of <c>flags:</c> into a <see cref="FlagDraft"/>, checking everything that needs only this flag.</summary>
internal sealed class FlagReader
{
    private readonly ReaderContext _context;
    private readonly string _envPrefix;

    public FlagReader(ReaderContext context, string envPrefix)
    {
        _context = context;
        _envPrefix = envPrefix;
    }

    public FlagDraft? Read(Field entry)
    {
        var key = entry.Name;
        var errorsBefore = _context.ErrorCount;
        var keyError = FlagNaming.DescribeKeyError(key);
        if (keyError is not null)
        {
            _context.Report(ManifestRules.InvalidName, entry.Key, "Flag key", key, keyError);
        }

        var mapping = _context.Mapping(entry.Value, key, "a mapping of flag fields (description, type, default, ...)");
        if (mapping is null)
        {
            return null;
        }

        var where = $"flag '{key}'";
        var fields = _context.Fields(mapping, ManifestFields.Flag, where);

        // type and variants first: every value below is read against them, whatever the field order in the file.
        var type = fields.TryGetValue("type", out var typeField)
            ? (FlagValueType?)_context.OneOf(typeField.Value, "type", ManifestFields.Types) ?? FlagValueType.Bool
            : FlagValueType.Bool;
        var variants = ReadVariants(key, type, fields, entry.Key);

        string description = string.Empty;
        if (fields.TryGetValue("description", out var descriptionField))
        {
            description = _context.String(descriptionField.Value, "description") ?? string.Empty;
        }
        else
        {
            _context.Report(ManifestRules.MissingField, entry.Key, "description", where);
        }

        var defaultValue = fields.TryGetValue("default", out var defaultField)
            ? ReadValue(defaultField.Value, key, "default", type, variants) ?? FlagValueModel.DefaultFor(type, FirstVariant(variants))
            : FlagValueModel.DefaultFor(type, FirstVariant(variants));

        string? phase = null;
        YamlNode? phaseNode = null;
        if (fields.TryGetValue("phase", out var phaseField) && Applies(phaseField, type, FlagValueType.Bool))
        {
            phase = _context.String(phaseField.Value, "phase");
            phaseNode = phaseField.Value;
        }

        int? rollout = null;
        if (fields.TryGetValue("rollout", out var rolloutField) && Applies(rolloutField, type, FlagValueType.Bool))
        {
            rollout = _context.Percent(rolloutField.Value, "rollout");
        }

        var bucketBy = BucketByModel.User;
        if (fields.TryGetValue("bucket_by", out var bucketField) && Applies(bucketField, type, FlagValueType.Bool, FlagValueType.Variant))
        {
            bucketBy = (BucketByModel?)_context.OneOf(bucketField.Value, "bucket_by", ManifestFields.BucketBy) ?? BucketByModel.User;
        }

        var envVar = FlagNaming.ToEnvVar(_envPrefix, key);
        YamlNode? envNode = null;
        if (fields.TryGetValue("env", out var envField))
        {
            var explicitEnv = _context.String(envField.Value, "env");
            if (explicitEnv is not null && !FlagNaming.IsValidEnvVar(explicitEnv))
            {
                _context.Report(ManifestRules.InvalidIdentifier, envField.Value, explicitEnv, "environment variable name", "use letters, digits and '_', not starting with a digit");
            }
            else if (explicitEnv is not null)
            {
                envVar = explicitEnv;
                envNode = envField.Value;
            }
        }

        var owner = fields.TryGetValue("owner", out var ownerField) ? _context.String(ownerField.Value, "owner") : null;
        var kind = fields.TryGetValue("kind", out var kindField)
            ? (FlagKindModel?)_context.OneOf(kindField.Value, "kind", ManifestFields.Kinds) ?? FlagKindModel.Release
            : FlagKindModel.Release;
        var created = fields.TryGetValue("created", out var createdField) ? _context.Date(createdField.Value, "created") : null;
        var expires = fields.TryGetValue("expires", out var expiresField) ? _context.Date(expiresField.Value, "expires") : null;
        var launched = fields.TryGetValue("launched", out var launchedField) ? _context.Date(launchedField.Value, "launched") : null;

        var requires = new List<(string Key, YamlNode Node)>();
        if (fields.TryGetValue("requires", out var requiresField))
        {
            requires = ReadUniqueNames(requiresField.Value, "requires", "Prerequisite") ?? requires;
        }

        var allow = new List<string>();
        var deny = new List<string>();
        var groupRollouts = new List<GroupRolloutModel>();
        if (fields.TryGetValue("targeting", out var targetingField) && Applies(targetingField, type, FlagValueType.Bool))
        {
            ReadTargeting(targetingField.Value, where, allow, deny, groupRollouts);
        }

        // hash_name and seed are hashed, so they only mean something where a bucket key is: rollouts and splits.
        string? hashName = null;
        if (fields.TryGetValue("hash_name", out var hashNameField) && Applies(hashNameField, type, FlagValueType.Bool, FlagValueType.Variant))
        {
            hashName = ReadHashText(hashNameField.Value, "hash_name");
        }

        string? seed = null;
        if (fields.TryGetValue("seed", out var seedField) && Applies(seedField, type, FlagValueType.Variant))
        {
            seed = ReadHashText(seedField.Value, "seed");
        }

        var environments = new List<EnvironmentValueModel>();
        if (fields.TryGetValue("environments", out var environmentsField))
        {
            var environmentsMap = _context.Mapping(environmentsField.Value, "environments", "a mapping of environment name to value");
            if (environmentsMap is not null)
            {
                foreach (var environment in _context.Entries(environmentsMap, "environment", where))
                {
                    var value = ReadValue(environment.Value, key, "environments." + environment.Name, type, variants);
                    if (value is not null)
                    {
                        environments.Add(new EnvironmentValueModel(environment.Name, value));
                    }
                }
            }
        }

        var schedule = new List<ScheduleStepModel>();
        if (fields.TryGetValue("schedule", out var scheduleField) && Applies(scheduleField, type, FlagValueType.Bool))
        {
            ReadSchedule(scheduleField.Value, key, schedule);
        }

        var metadata = new List<MetadataEntryModel>();
        if (fields.TryGetValue("metadata", out var metadataField))
        {
            var metadataMap = _context.Mapping(metadataField.Value, "metadata", "a mapping of names to strings");
            if (metadataMap is not null)
            {
                foreach (var item in _context.Entries(metadataMap, "metadata entry", where))
                {
                    var text = _context.Text(item.Value, "metadata." + item.Name);
                    if (text is not null)
                    {
                        metadata.Add(new MetadataEntryModel(item.Name, text));
                    }
                }
            }
        }

        var split = new List<SplitEntryModel>();
        if (fields.TryGetValue("split", out var splitField) && Applies(splitField, type, FlagValueType.Variant))
        {
            ReadSplit(splitField.Value, key, variants, split);
        }

        // Per-target values: what targeting.allow/deny are for bool flags, for the other types (Microsoft.FeatureManagement's
        // user and group allocation of variants).
        var targets = new List<TargetValueModel>();
        if (fields.TryGetValue("targets", out var targetsField)
            && Applies(targetsField, type, FlagValueType.Int, FlagValueType.Double, FlagValueType.String, FlagValueType.Variant))
        {
            ReadTargetValues(targetsField.Value, key, type, variants, targets);
        }

        EquatableArray<string>? enabledVariants = null;
        if (fields.TryGetValue("enabled_variants", out var enabledField) && Applies(enabledField, type, FlagValueType.Variant))
        {
            enabledVariants = ReadVariantList(enabledField.Value, key, "enabled_variants", variants);
        }

        var configuration = new List<VariantConfigurationModel>();
        if (fields.TryGetValue("configuration", out var configurationField) && Applies(configurationField, type, FlagValueType.Variant))
        {
            ReadConfiguration(configurationField.Value, key, variants, configuration);
        }

        var model = new FlagModel(
            key,
            FlagNaming.ToPascalCase(key),
            envVar,
            description,
            type,
            defaultValue,
            phase,
            rollout,
            bucketBy,
            owner,
            kind,
            created,
            expires,
            launched,
            EquatableArray.From(requires.ConvertAll(r => r.Key)),
            allow.ToEquatableArray(),
            deny.ToEquatableArray(),
            environments.ToEquatableArray(),
            schedule.ToEquatableArray(),
            variants.ToEquatableArray(),
            split.ToEquatableArray(),
            metadata.ToEquatableArray(),
            hashName,
            seed,
            groupRollouts.ToEquatableArray(),
            targets.ToEquatableArray(),
            enabledVariants,
            configuration.ToEquatableArray());

        var draft = new FlagDraft(model, entry.Key)
        {
            HasErrors = _context.ErrorCount > errorsBefore,
            PhaseNode = phaseNode,
            EnvNode = envNode,
        };
        draft.RequiresNodes.AddRange(requires);
        return draft;
    }

    private List<VariantModel> ReadVariants(string key, FlagValueType type, Dictionary<string, Field> fields, YamlScalarNode keyNode)
    {
        var variants = new List<VariantModel>();
        if (!fields.TryGetValue("variants", out var variantsField))
        {
            if (type == FlagValueType.Variant)
            {
                _context.Report(ManifestRules.MissingField, keyNode, "variants", $"variant flag '{key}'");
            }

            return variants;
        }

        if (!Applies(variantsField, type, FlagValueType.Variant))
        {
            return variants;
        }

        var names = ReadUniqueNames(variantsField.Value, "variants", "Variant");
        if (names is null)
        {
            return variants;
        }

        if (names.Count == 0)
        {
            _context.Report(ManifestRules.InvalidValue, variantsField.Value, "(an empty list)", "variants", "at least one variant name");
        }

        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node) in names)
        {
            var error = FlagNaming.DescribeKeyError(name);
            if (error is not null)
            {
                _context.Report(ManifestRules.InvalidName, node, "Variant name", name, error);
                continue;
            }

            var member = FlagNaming.ToPascalCase(name);
            if (members.TryGetValue(member, out var other))
            {
                _context.Report(ManifestRules.NameCollision, node, "Variant", name, member, $"variant '{other}' already produces");
                continue;
            }

            members.Add(member, name);
            variants.Add(new VariantModel(name, member));
        }

        return variants;
    }

    private List<(string, YamlNode)>? ReadUniqueNames(YamlNode node, string field, string what)
    {
        var items = _context.StringList(node, field);
        if (items is null)
        {
            return null;
        }

        var unique = new List<(string, YamlNode)>(items.Count);
        var seen = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, itemNode) in items)
        {
            if (seen.TryGetValue(value, out var first))
            {
                _context.Report(ManifestRules.DuplicateName, itemNode, what, value, _context.LineOf(first));
                continue;
            }

            seen.Add(value, itemNode);
            unique.Add((value, itemNode));
        }

        return unique;
    }

    private void ReadTargeting(YamlNode node, string where, List<string> allow, List<string> deny, List<GroupRolloutModel> groupRollouts)
    {
        var mapping = _context.Mapping(node, "targeting", "a mapping with allow, deny and groups");
        if (mapping is null)
        {
            return;
        }

        var fields = _context.Fields(mapping, ManifestFields.Targeting, "targeting of " + where);
        if (fields.TryGetValue("allow", out var allowField))
        {
            ReadTargets(allowField.Value, "targeting.allow", allow);
        }

        if (fields.TryGetValue("deny", out var denyField))
        {
            ReadTargets(denyField.Value, "targeting.deny", deny);
        }

        if (fields.TryGetValue("groups", out var groupsField))
        {
            ReadGroupRollouts(groupsField.Value, where, groupRollouts);
        }
    }

    /// <summary><c>targeting.groups</c>: group name to the percentage of its members that get the flag.</summary>
    private void ReadGroupRollouts(YamlNode node, string where, List<GroupRolloutModel> groupRollouts)
    {
        var mapping = _context.Mapping(node, "targeting.groups", "a mapping of group name to percentage");
        if (mapping is null)
        {
            return;
        }

        // Entries reports names that differ only in case (TF0004): with ignore_case they would be the same group.
        foreach (var entry in _context.Entries(mapping, "group", "targeting.groups of " + where))
        {
            if (entry.Name.Trim().Length == 0)
            {
                _context.Report(ManifestRules.InvalidValue, entry.Key, ReaderContext.Describe(entry.Key), "targeting.groups", "a group name");
                continue;
            }

            var rollout = _context.Percent(entry.Value, "targeting.groups." + entry.Name);
            if (rollout is not null)
            {
                groupRollouts.Add(new GroupRolloutModel(entry.Name, rollout.Value));
            }
        }
    }

    /// <summary>
    /// <c>hash_name</c> or <c>seed</c>: any scalar kept as written (<c>2FA</c>, <c>Feature With Space</c>, <c>130</c>),
    /// without control characters, which would run into the separators of the hashed text.
    /// </summary>
    private string? ReadHashText(YamlNode node, string field)
    {
        var text = _context.Text(node, field);
        if (text is null)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                _context.Report(ManifestRules.InvalidValue, node, ReaderContext.Describe(node), field, "a name without control characters (tabs, line breaks)");
                return null;
            }
        }

        if (text.Length == 0)
        {
            _context.Report(ManifestRules.InvalidValue, node, ReaderContext.Describe(node), field, "a non-empty name");
            return null;
        }

        return text;
    }

    private void ReadTargets(YamlNode node, string field, List<string> targets)
    {
        var items = _context.StringList(node, field, anyScalar: true);
        if (items is null)
        {
            return;
        }

        foreach (var (value, itemNode) in items)
        {
            // The rule overrides follow too (TF2002 and the runtime): a name after the prefix, which ignores case.
            if (!TargetGrammar.TryNormalize(value, out var target))
            {
                _context.Report(ManifestRules.InvalidValue, itemNode, ReaderContext.Describe(itemNode), field, TargetGrammar.Accepted);
                continue;
            }

            targets.Add(target);
        }
    }

    private void ReadSchedule(YamlNode node, string key, List<ScheduleStepModel> schedule)
    {
        var sequence = _context.Sequence(node, "schedule", "a list of steps ({ at: DATE, rollout: PERCENT })");
        if (sequence is null)
        {
            return;
        }

        DateTime? previous = null;
        foreach (var stepNode in sequence.Children)
        {
            var step = _context.Mapping(stepNode, "schedule step", "a mapping { at: DATE, rollout: PERCENT }");
            if (step is null)
            {
                continue;
            }

            var fields = _context.Fields(step, ManifestFields.ScheduleStep, $"a schedule step of flag '{key}'");
            DateTime? at = null;
            int? rollout = null;
            if (fields.TryGetValue("at", out var atField))
            {
                at = _context.Instant(atField.Value, "schedule.at");
            }
            else
            {
                _context.Report(ManifestRules.MissingField, stepNode, "at", $"a schedule step of flag '{key}'");
            }

            if (fields.TryGetValue("rollout", out var rolloutField))
            {
                rollout = _context.Percent(rolloutField.Value, "schedule.rollout");
            }
            else
            {
                _context.Report(ManifestRules.MissingField, stepNode, "rollout", $"a schedule step of flag '{key}'");
            }

            if (at is null || rollout is null)
            {
                continue;
            }

            if (previous is not null && at.Value <= previous.Value)
            {
                _context.Report(ManifestRules.ScheduleOrder, atField.Value, TemporalText.Format(at.Value), key, TemporalText.Format(previous.Value));
                continue;
            }

            previous = at;
            schedule.Add(new ScheduleStepModel(at.Value, rollout.Value));
        }
    }

    private void ReadSplit(YamlNode node, string key, List<VariantModel> variants, List<SplitEntryModel> split)
    {
        var mapping = _context.Mapping(node, "split", "a mapping of variant name to percentage");
        if (mapping is null)
        {
            return;
        }

        var total = 0;
        foreach (var entry in _context.Entries(mapping, "split variant", $"flag '{key}'"))
        {
            if (!variants.Exists(v => v.Name == entry.Name))
            {
                var names = variants.ConvertAll(v => v.Name);
                _context.Report(ManifestRules.UnknownVariant, entry.Key, entry.Name, key, string.Join(", ", names), Suggestions.DidYouMean(entry.Name, names));
                continue;
            }

            var share = _context.Percent(entry.Value, "split." + entry.Name);
            if (share is null)
            {
                continue;
            }

            total += share.Value;
            split.Add(new SplitEntryModel(entry.Name, share.Value));
        }

        if (total > 100_000)
        {
            _context.Report(ManifestRules.OutOfRange, node, "split", $"the shares add up to {total / 1000m}%, more than 100%");
        }
    }

    /// <summary>
    /// <c>targets</c>: a mapping of target (user id, <c>tenant:X</c>, <c>group:X</c>) to a value of the flag's type. The
    /// order is kept: among groups, the first declared that the caller is in wins.
    /// </summary>
    private void ReadTargetValues(YamlNode node, string key, FlagValueType type, List<VariantModel> variants, List<TargetValueModel> targets)
    {
        var mapping = _context.Mapping(node, "targets", "a mapping of target (user id, tenant:NAME, group:NAME) to value");
        if (mapping is null)
        {
            return;
        }

        // Entries reports targets that differ only in case (TF0004): with ignore_case they would be one target.
        foreach (var entry in _context.Entries(mapping, "target", $"targets of flag '{key}'"))
        {
            if (!TargetGrammar.TryNormalize(entry.Name, out var target))
            {
                _context.Report(ManifestRules.InvalidValue, entry.Key, ReaderContext.Describe(entry.Key), "targets", TargetGrammar.Accepted);
                continue;
            }

            var value = ReadValue(entry.Value, key, "targets." + entry.Name, type, variants);
            if (value is not null)
            {
                targets.Add(new TargetValueModel(target, value));
            }
        }
    }

    /// <summary>A list of the flag's variant names (<c>enabled_variants</c>); an empty list is allowed and means none.</summary>
    private EquatableArray<string>? ReadVariantList(YamlNode node, string key, string field, List<VariantModel> variants)
    {
        var names = ReadUniqueNames(node, field, "Variant");
        if (names is null)
        {
            return null;
        }

        var known = new List<string>(names.Count);
        foreach (var (name, itemNode) in names)
        {
            if (FindVariant(name, itemNode, key, variants) is { } variant)
            {
                known.Add(variant.Name);
            }
        }

        return known.ToEquatableArray();
    }

    /// <summary>
    /// <c>configuration</c>: per variant, any YAML value (a scalar, a mapping, a list), flattened into configuration
    /// keys as Microsoft.Extensions.Configuration would read the same JSON: <c>Medium:Size</c>, <c>Big:Sizes:0</c>.
    /// </summary>
    private void ReadConfiguration(YamlNode node, string key, List<VariantModel> variants, List<VariantConfigurationModel> configuration)
    {
        var mapping = _context.Mapping(node, "configuration", "a mapping of variant name to its configuration");
        if (mapping is null)
        {
            return;
        }

        foreach (var entry in _context.Entries(mapping, "configuration variant", $"flag '{key}'"))
        {
            if (FindVariant(entry.Name, entry.Key, key, variants) is { } variant)
            {
                FlattenConfiguration(entry.Value, variant.Name, configuration);
            }
        }
    }

    /// <summary>The variant named <paramref name="name"/> (ignoring case, as values do), or null after TF0017 at <paramref name="node"/>.</summary>
    private VariantModel? FindVariant(string name, YamlNode node, string key, List<VariantModel> variants)
    {
        var variant = variants.Find(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
        if (variant is null)
        {
            var all = variants.ConvertAll(v => v.Name);
            _context.Report(ManifestRules.UnknownVariant, node, name, key, string.Join(", ", all), Suggestions.DidYouMean(name, all));
        }

        return variant;
    }

    private void FlattenConfiguration(YamlNode node, string path, List<VariantConfigurationModel> configuration)
    {
        _context.Visit();
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var child in _context.Entries(mapping, "configuration key", "configuration." + path.Replace(':', '.')))
                {
                    if (child.Name.IndexOf(':') >= 0)
                    {
                        // A colon would split the key into two levels: Microsoft.Extensions.Configuration's separator.
                        _context.Report(ManifestRules.InvalidValue, child.Key, ReaderContext.Describe(child.Key), "configuration." + path.Replace(':', '.'), "a key without ':'");
                        continue;
                    }

                    FlattenConfiguration(child.Value, path + ":" + child.Name, configuration);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    FlattenConfiguration(sequence.Children[i], path + ":" + i.ToString(CultureInfo.InvariantCulture), configuration);
                }

                break;
            case YamlScalarNode scalar when YamlScalars.Resolve(scalar) == ScalarKind.Null:
                // null, ~ or nothing: the key exists without a value, as a JSON null reads.
                configuration.Add(new VariantConfigurationModel(path, string.Empty));
                break;
            default:
                var text = _context.Text(node, "configuration." + path.Replace(':', '.'));
                if (text is not null)
                {
                    configuration.Add(new VariantConfigurationModel(path, text));
                }

                break;
        }
    }

    /// <summary>A value for <c>default</c> or <c>environments</c>, checked against the flag type.</summary>
    private FlagValueModel? ReadValue(YamlNode node, string key, string field, FlagValueType type, List<VariantModel> variants)
    {
        _context.Visit();
        var scalar = node as YamlScalarNode;
        var kind = scalar is null ? (ScalarKind?)null : YamlScalars.Resolve(scalar);
        var text = scalar?.Value ?? string.Empty;
        switch (type)
        {
            case FlagValueType.Bool:
                if (kind == ScalarKind.Bool)
                {
                    return FlagValueModel.FromMode(YamlScalars.IsTrue(text) ? BoolMode.On : BoolMode.Off);
                }

                if (kind == ScalarKind.String && text == "shadow")
                {
                    return FlagValueModel.FromMode(BoolMode.Shadow);
                }

                _context.Report(ManifestRules.InvalidValue, node, ReaderContext.Describe(node), field, "true, false or shadow");
                return null;

            case FlagValueType.Int:
                if (kind == ScalarKind.Int && YamlScalars.TryParseInt32(text, out var integer))
                {
                    return FlagValueModel.FromInt32(integer);
                }

                _context.Report(ManifestRules.InvalidValue, node, ReaderContext.Describe(node), field, "a 32-bit integer");
                return null;

            case FlagValueType.Double:
                if (kind is ScalarKind.Int or ScalarKind.Float && YamlScalars.TryParseFiniteDouble(text, out var number))
                {
                    return FlagValueModel.FromDouble(number);
                }

                _context.Report(ManifestRules.InvalidValue, node, ReaderContext.Describe(node), field, "a finite number");
                return null;

            case FlagValueType.String:
                if (kind == ScalarKind.String)
                {
                    return FlagValueModel.FromString(text);
                }

                _context.Report(ManifestRules.InvalidValue, node, ReaderContext.Describe(node), field, "a string (quote numbers and booleans)");
                return null;

            default:
                if (kind == ScalarKind.String && variants.Exists(v => v.Name == text))
                {
                    return FlagValueModel.FromVariant(text);
                }

                if (kind == ScalarKind.String && variants.Count > 0)
                {
                    var names = variants.ConvertAll(v => v.Name);
                    _context.Report(ManifestRules.UnknownVariant, node, text, key, string.Join(", ", names), Suggestions.DidYouMean(text, names));
                }
                else if (kind != ScalarKind.String)
                {
                    _context.Report(ManifestRules.InvalidValue, node, ReaderContext.Describe(node), field, "a variant name");
                }

                return null;
        }
    }

    private bool Applies(Field field, FlagValueType type, params FlagValueType[] types)
    {
        if (Array.IndexOf(types, type) >= 0)
        {
            return true;
        }

        var names = Array.ConvertAll(types, t => ManifestFields.Types[(int)t]);
        var list = names.Length == 1 ? names[0] : string.Join(", ", names, 0, names.Length - 1) + " and " + names[names.Length - 1];
        _context.Report(ManifestRules.NotApplicable, field.Key, field.Name, ManifestFields.Types[(int)type], $" (only to {list} flags)");
        return false;
    }

    private static string? FirstVariant(List<VariantModel> variants) => variants.Count > 0 ? variants[0].Name : null;
}
