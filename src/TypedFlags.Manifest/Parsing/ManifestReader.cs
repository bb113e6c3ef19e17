using System.Collections.Generic;
using System.Threading;
using TypedFlags.Manifest.Collections;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Naming;
using TypedFlags.Manifest.Validation;
using YamlDotNet.RepresentationModel;

namespace TypedFlags.Manifest.Parsing;

/// <summary>
/// Reads the top level of a loaded flags.yaml document. Invalid top-level values fall back to their
/// defaults and invalid flags are left out, so one mistake does not take every generated accessor away
/// from the IDE while the diagnostic is being fixed.
/// </summary>
internal sealed class ManifestReader
{
    private readonly ReaderContext _context;
    private readonly CancellationToken _cancellationToken;

    public ManifestReader(ReaderContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Where the value of a valid <c>class:</c> is written; null when the file does not set one.</summary>
    public SourceSpan? ClassSpan { get; private set; }

    /// <summary>Where the value of a valid <c>namespace:</c> is written; null when the file does not set one.</summary>
    public SourceSpan? NamespaceSpan { get; private set; }

    public (ManifestModel? Model, List<FlagLocation> Locations) Read(YamlDocument document)
    {
        var locations = new List<FlagLocation>();
        var root = document.RootNode;
        if (root is YamlScalarNode { Value: "" or null } || (root is YamlScalarNode empty && YamlScalars.Resolve(empty) == ScalarKind.Null))
        {
            _context.Report(ManifestRules.MissingField, SourceSpan.FileStart, "version", "flags.yaml (the file is empty)");
            return (null, locations);
        }

        var mapping = _context.Mapping(root, "the document", "a mapping with version, flags and the other top-level fields");
        if (mapping is null)
        {
            return (null, locations);
        }

        var fields = _context.Fields(mapping, ManifestFields.TopLevel, "the top level");
        if (!ReadVersion(fields))
        {
            return (null, locations);
        }

        string? ns = null;
        if (fields.TryGetValue("namespace", out var nsField))
        {
            ns = _context.String(nsField.Value, "namespace");
            if (ns is not null && !FlagNaming.IsValidNamespace(ns))
            {
                _context.Report(ManifestRules.InvalidIdentifier, nsField.Value, ns, "namespace", "use dot-separated C# identifiers (letters, digits, '_'; no keywords)");
                ns = null;
            }
            else if (ns is not null)
            {
                NamespaceSpan = _context.SpanOf(nsField.Value);
            }
        }

        var className = ManifestDefaults.ClassName;
        if (fields.TryGetValue("class", out var classField))
        {
            var value = _context.String(classField.Value, "class");
            if (value is not null && !FlagNaming.IsValidIdentifier(value))
            {
                _context.Report(ManifestRules.InvalidIdentifier, classField.Value, value, "class name", "use a C# identifier (letters, digits, '_'; not a keyword)");
            }
            else if (value is not null && IsOwnMemberName(value))
            {
                // A class cannot declare a member with its own name (CS0542).
                _context.Report(ManifestRules.InvalidIdentifier, classField.Value, value, "class name", "the generated class has a member of that name; choose another name");
            }
            else if (value is not null)
            {
                className = value;
                ClassSpan = _context.SpanOf(classField.Value);
            }
        }

        var envPrefix = ManifestDefaults.EnvPrefix;
        if (fields.TryGetValue("env_prefix", out var prefixField))
        {
            var value = _context.String(prefixField.Value, "env_prefix", allowEmpty: true);
            if (value is not null && !FlagNaming.IsValidEnvVar(value, allowEmpty: true))
            {
                _context.Report(ManifestRules.InvalidIdentifier, prefixField.Value, value, "environment variable prefix", "use letters, digits and '_', not starting with a digit");
            }
            else if (value is not null)
            {
                envPrefix = value;
            }
        }

        var configSection = ManifestDefaults.ConfigSection;
        if (fields.TryGetValue("config_section", out var sectionField))
        {
            var value = _context.String(sectionField.Value, "config_section");
            if (value is not null && (value.StartsWith(":", System.StringComparison.Ordinal) || value.EndsWith(":", System.StringComparison.Ordinal) || value.Contains("::")))
            {
                _context.Report(ManifestRules.InvalidIdentifier, sectionField.Value, value, "configuration section", "use non-empty segments separated by single ':'");
            }
            else if (value is not null)
            {
                configSection = value;
            }
        }

        var bucketing = fields.TryGetValue("bucketing", out var bucketingField)
            ? (BucketingModel?)_context.OneOf(bucketingField.Value, "bucketing", ManifestFields.Bucketing) ?? BucketingModel.TypedFlags
            : BucketingModel.TypedFlags;

        var ignoreCase = false;
        if (fields.TryGetValue("ignore_case", out var ignoreCaseField))
        {
            _context.Visit();
            if (ignoreCaseField.Value is YamlScalarNode ignoreCaseScalar && YamlScalars.Resolve(ignoreCaseScalar) == ScalarKind.Bool)
            {
                ignoreCase = YamlScalars.IsTrue(ignoreCaseScalar.Value!);
            }
            else
            {
                _context.Report(ManifestRules.InvalidValue, ignoreCaseField.Value, ReaderContext.Describe(ignoreCaseField.Value), "ignore_case", "true or false");
            }
        }

        var staleAfter = ManifestDefaults.StaleAfterDays;
        if (fields.TryGetValue("stale_after", out var staleField))
        {
            staleAfter = _context.Duration(staleField.Value, "stale_after", allowNever: false)?.Days ?? staleAfter;
        }

        var lifetimes = fields.TryGetValue("lifetimes", out var lifetimesField) ? ReadLifetimes(lifetimesField.Value) : ManifestDefaults.Lifetimes;
        var (phases, phaseNames) = fields.TryGetValue("phases", out var phasesField) ? ReadPhases(phasesField.Value) : (ManifestDefaults.Phases, null);

        var drafts = new List<FlagDraft>();
        if (fields.TryGetValue("flags", out var flagsField))
        {
            ReadFlags(flagsField.Value, envPrefix, drafts);
        }
        else
        {
            _context.Report(ManifestRules.MissingField, SourceSpan.FileStart, "flags", "the top level");
        }

        var phaseSet = new List<string>();
        foreach (var phase in phases)
        {
            phaseSet.Add(phase.Name);
        }

        new ManifestCrossChecks(_context, className, phaseSet, phaseNames is not null).Run(drafts);

        var flags = new List<FlagModel>(drafts.Count);
        foreach (var draft in drafts)
        {
            locations.Add(new FlagLocation(draft.Model.Key, _context.SpanOf(draft.KeyNode)));
            if (!draft.HasErrors)
            {
                flags.Add(draft.Model);
            }
        }

        var model = new ManifestModel(ns, className, envPrefix, configSection, bucketing, staleAfter, lifetimes, phases, flags.ToEquatableArray(), ignoreCase);
        return (model, locations);
    }

    private bool ReadVersion(Dictionary<string, Field> fields)
    {
        if (!fields.TryGetValue("version", out var versionField))
        {
            _context.Report(ManifestRules.MissingField, SourceSpan.FileStart, "version", "the top level (add 'version: 1')");
            return false;
        }

        if (versionField.Value is YamlScalarNode scalar && YamlScalars.Resolve(scalar) == ScalarKind.Int)
        {
            if (scalar.Value == "1")
            {
                return true;
            }

            _context.Report(ManifestRules.UnsupportedVersion, scalar, scalar.Value!);
            return false;
        }

        _context.Report(ManifestRules.InvalidValue, versionField.Value, ReaderContext.Describe(versionField.Value), "version", "the integer 1");
        return false;
    }

    private EquatableArray<LifetimeModel> ReadLifetimes(YamlNode node)
    {
        var mapping = _context.Mapping(node, "lifetimes", "a mapping of flag kind to duration");
        if (mapping is null)
        {
            return ManifestDefaults.Lifetimes;
        }

        var days = new int?[ManifestFields.Kinds.Length];
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = ManifestDefaults.Lifetimes[i].Days;
        }

        var fields = _context.Fields(mapping, ManifestFields.Lifetimes, "lifetimes");
        foreach (var field in fields.Values)
        {
            var duration = _context.Duration(field.Value, "lifetimes." + field.Name, allowNever: true);
            if (duration is not null)
            {
                days[System.Array.IndexOf(ManifestFields.Kinds, field.Name)] = duration.Value.Days;
            }
        }

        var result = new List<LifetimeModel>(days.Length);
        for (var i = 0; i < days.Length; i++)
        {
            result.Add(new LifetimeModel((FlagKindModel)i, days[i]));
        }

        return result.ToEquatableArray();
    }

    private (EquatableArray<PhaseModel>, List<string>?) ReadPhases(YamlNode node)
    {
        var mapping = _context.Mapping(node, "phases", "a mapping of phase name to a list of environments");
        if (mapping is null)
        {
            return (ManifestDefaults.Phases, null);
        }

        var phases = new List<PhaseModel>();
        var names = new List<string>();
        foreach (var entry in _context.Entries(mapping, "phase", "phases"))
        {
            var error = FlagNaming.DescribeKeyError(entry.Name);
            if (error is not null)
            {
                _context.Report(ManifestRules.InvalidName, entry.Key, "Phase name", entry.Name, error);
                continue;
            }

            var environments = _context.StringList(entry.Value, "phases." + entry.Name);
            if (environments is null)
            {
                continue;
            }

            phases.Add(new PhaseModel(entry.Name, EquatableArray.From(environments.ConvertAll(e => e.Value))));
            names.Add(entry.Name);
        }

        return (phases.ToEquatableArray(), names);
    }

    private void ReadFlags(YamlNode node, string envPrefix, List<FlagDraft> drafts)
    {
        // `flags:` with nothing under it is an empty mapping in intent; YAML reads it as null.
        if (node is YamlScalarNode scalar && YamlScalars.Resolve(scalar) == ScalarKind.Null)
        {
            return;
        }

        var mapping = _context.Mapping(node, "flags", "a mapping of flag key to flag fields");
        if (mapping is null)
        {
            return;
        }

        var reader = new FlagReader(_context, envPrefix);
        foreach (var entry in _context.Entries(mapping, "flag key", "flags"))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var draft = reader.Read(entry);
            if (draft is not null)
            {
                drafts.Add(draft);
            }
        }
    }

    private static bool IsOwnMemberName(string className)
    {
        foreach (var member in GeneratedNames.FlagsClassMembers)
        {
            if (member == className)
            {
                return true;
            }
        }

        return false;
    }
}
