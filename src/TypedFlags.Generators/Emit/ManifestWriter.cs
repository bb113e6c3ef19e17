using System.Collections.Generic;
using System.Globalization;
using TypedFlags.Manifest.Collections;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Naming;
using TypedFlags.Manifest.Parsing;

namespace TypedFlags.Generators.Emit;

/// <summary>
/// Writes <c>CreateManifest()</c>: the declared facts as runtime <c>FlagDefinition</c>s. Only fields that differ
/// from the runtime's parameter defaults are written, with named arguments, so the output stays readable
/// and diffs of flags.yaml map to small diffs here.
/// </summary>
internal static class ManifestWriter
{
    private const string Value = "global::TypedFlags.FlagValue";

    public static void Write(SourceWriter writer, ManifestModel model)
    {
        writer.WriteLine($"private static global::TypedFlags.FlagManifest {GeneratedNames.CreateManifestMethod}()");
        writer.OpenBlock();
        writer.WriteLine("return new global::TypedFlags.FlagManifest(");
        writer.Indent();
        writer.WriteLine("flags: new global::TypedFlags.FlagDefinition[]");
        writer.OpenBlock();
        foreach (var flag in model.Flags)
        {
            WriteDefinition(writer, flag, LifetimeDays(model, flag.Kind));
        }

        writer.CloseBlock(",");
        writer.WriteLine("phases: new global::TypedFlags.FlagPhase[]");
        writer.OpenBlock();
        foreach (var phase in model.Phases)
        {
            writer.WriteLine($"new global::TypedFlags.FlagPhase({CSharpLiterals.String(phase.Name)}, {StringArray(phase.Environments)}),");
        }

        writer.CloseBlock(",");
        writer.WriteLine($"envPrefix: {CSharpLiterals.String(model.EnvPrefix)},");
        writer.WriteLine($"configSection: {CSharpLiterals.String(model.ConfigSection)},");
        var bucketing = $"bucketing: global::TypedFlags.BucketingAlgorithm.{(model.Bucketing == BucketingModel.Microsoft ? "Microsoft" : "TypedFlags")}";
        // Optional arguments are written only when they differ from the defaults, like the definitions'.
        var tail = new List<string> { bucketing };
        if (model.IgnoreCase)
        {
            tail.Add("ignoreCase: true");
        }

        if (model.StaleAfterDays != ManifestDefaults.StaleAfterDays)
        {
            tail.Add("staleAfterDays: " + model.StaleAfterDays.ToString(CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < tail.Count; i++)
        {
            writer.WriteLine(tail[i] + (i == tail.Count - 1 ? ");" : ","));
        }

        writer.Unindent();
        writer.CloseBlock();
    }

    /// <summary>The lifetime of <paramref name="kind"/> from <c>lifetimes:</c> (the admin page's "past lifetime" badge), or null for no limit.</summary>
    private static int? LifetimeDays(ManifestModel model, FlagKindModel kind)
    {
        int? days = null;
        foreach (var entry in model.Lifetimes)
        {
            if (entry.Kind == kind)
            {
                days = entry.Days;
            }
        }

        return days;
    }

    private static void WriteDefinition(SourceWriter writer, FlagModel flag, int? lifetimeDays)
    {
        var arguments = new List<string>
        {
            "key: " + CSharpLiterals.String(flag.Key),
            "type: global::TypedFlags.FlagValueKind." + flag.Type,
            "description: " + CSharpLiterals.String(flag.Description),
            "defaultValue: " + ValueLiteral(flag, flag.Default),
            "envVar: " + CSharpLiterals.String(flag.EnvVar),
        };

        if (flag.Phase is not null)
        {
            arguments.Add("phase: " + CSharpLiterals.String(flag.Phase));
        }

        if (flag.RolloutThousandths is { } rollout)
        {
            arguments.Add("rollout: " + CSharpLiterals.Percent(rollout));
        }

        if (flag.BucketBy != BucketByModel.User)
        {
            arguments.Add("bucketBy: global::TypedFlags.FlagBucketBy." + flag.BucketBy);
        }

        if (flag.Owner is not null)
        {
            arguments.Add("owner: " + CSharpLiterals.String(flag.Owner));
        }

        if (flag.Kind != FlagKindModel.Release)
        {
            arguments.Add("kind: global::TypedFlags.FlagKind." + flag.Kind);
        }

        if (flag.Created is { } created)
        {
            arguments.Add("created: " + CSharpLiterals.DateTime(created));
        }

        if (flag.Expires is { } expires)
        {
            arguments.Add("expires: " + CSharpLiterals.DateTime(expires));
        }

        if (flag.Launched is { } launched)
        {
            arguments.Add("launched: " + CSharpLiterals.DateTime(launched));
        }

        if (flag.Requires.Count > 0)
        {
            arguments.Add("requires: " + StringArray(flag.Requires));
        }

        if (flag.Allow.Count > 0)
        {
            arguments.Add("allow: " + StringArray(flag.Allow));
        }

        if (flag.Deny.Count > 0)
        {
            arguments.Add("deny: " + StringArray(flag.Deny));
        }

        if (flag.Environments.Count > 0)
        {
            var pairs = new List<string>();
            foreach (var environment in flag.Environments)
            {
                pairs.Add($"new global::System.Collections.Generic.KeyValuePair<string, {Value}>({CSharpLiterals.String(environment.Environment)}, {ValueLiteral(flag, environment.Value)})");
            }

            arguments.Add($"environments: new global::System.Collections.Generic.KeyValuePair<string, {Value}>[] {{ {string.Join(", ", pairs)} }}");
        }

        if (flag.Schedule.Count > 0)
        {
            var steps = new List<string>();
            foreach (var step in flag.Schedule)
            {
                steps.Add($"new global::TypedFlags.FlagScheduleStep({CSharpLiterals.DateTimeOffset(step.AtUtc)}, {CSharpLiterals.Percent(step.RolloutThousandths)})");
            }

            arguments.Add($"schedule: new global::TypedFlags.FlagScheduleStep[] {{ {string.Join(", ", steps)} }}");
        }

        if (flag.Variants.Count > 0)
        {
            var names = new List<string>();
            foreach (var variant in flag.Variants)
            {
                names.Add(variant.Name);
            }

            arguments.Add("variants: " + StringArray(names));
        }

        if (flag.Split.Count > 0)
        {
            var pairs = new List<string>();
            foreach (var entry in flag.Split)
            {
                pairs.Add($"new global::System.Collections.Generic.KeyValuePair<string, double>({CSharpLiterals.String(entry.Variant)}, {CSharpLiterals.Percent(entry.Thousandths)})");
            }

            arguments.Add($"split: new global::System.Collections.Generic.KeyValuePair<string, double>[] {{ {string.Join(", ", pairs)} }}");
        }

        if (flag.Metadata.Count > 0)
        {
            var pairs = new List<string>();
            foreach (var entry in flag.Metadata)
            {
                pairs.Add($"new global::System.Collections.Generic.KeyValuePair<string, string>({CSharpLiterals.String(entry.Name)}, {CSharpLiterals.String(entry.Value)})");
            }

            arguments.Add($"metadata: new global::System.Collections.Generic.KeyValuePair<string, string>[] {{ {string.Join(", ", pairs)} }}");
        }

        if (flag.HashName is not null)
        {
            arguments.Add("hashName: " + CSharpLiterals.String(flag.HashName));
        }

        if (flag.GroupRollouts.Count > 0)
        {
            var pairs = new List<string>();
            foreach (var entry in flag.GroupRollouts)
            {
                pairs.Add($"new global::System.Collections.Generic.KeyValuePair<string, double>({CSharpLiterals.String(entry.Group)}, {CSharpLiterals.Percent(entry.Thousandths)})");
            }

            arguments.Add($"groupRollouts: new global::System.Collections.Generic.KeyValuePair<string, double>[] {{ {string.Join(", ", pairs)} }}");
        }

        if (flag.Seed is not null)
        {
            arguments.Add("seed: " + CSharpLiterals.String(flag.Seed));
        }

        if (flag.Targets.Count > 0)
        {
            var pairs = new List<string>();
            foreach (var target in flag.Targets)
            {
                pairs.Add($"new global::System.Collections.Generic.KeyValuePair<string, {Value}>({CSharpLiterals.String(target.Target)}, {ValueLiteral(flag, target.Value)})");
            }

            arguments.Add($"targets: new global::System.Collections.Generic.KeyValuePair<string, {Value}>[] {{ {string.Join(", ", pairs)} }}");
        }

        if (flag.EnabledVariants is { } enabledVariants)
        {
            // An empty list is meaningful (no variant enables the flag), so it is written, unlike other empty lists.
            arguments.Add("enabledVariants: " + (enabledVariants.Count == 0 ? "global::System.Array.Empty<string>()" : StringArray(enabledVariants)));
        }

        if (flag.Configuration.Count > 0)
        {
            var pairs = new List<string>();
            foreach (var entry in flag.Configuration)
            {
                pairs.Add($"new global::System.Collections.Generic.KeyValuePair<string, string>({CSharpLiterals.String(entry.Path)}, {CSharpLiterals.String(entry.Value)})");
            }

            arguments.Add($"variantConfiguration: new global::System.Collections.Generic.KeyValuePair<string, string>[] {{ {string.Join(", ", pairs)} }}");
        }

        if (lifetimeDays is { } days)
        {
            arguments.Add("lifetimeDays: " + days.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteLine("new global::TypedFlags.FlagDefinition(");
        writer.Indent();
        for (var i = 0; i < arguments.Count; i++)
        {
            writer.WriteLine(arguments[i] + (i == arguments.Count - 1 ? ")," : ","));
        }

        writer.Unindent();
    }

    private static string ValueLiteral(FlagModel flag, FlagValueModel value) => value.Type switch
    {
        FlagValueType.Bool => $"{Value}.FromMode(global::TypedFlags.FlagMode.{value.Mode})",
        FlagValueType.Int => $"{Value}.FromInt({CSharpLiterals.Int32(value.Int32)})",
        FlagValueType.Double => $"{Value}.FromDouble({CSharpLiterals.Double(value.Double)})",
        FlagValueType.String => $"{Value}.FromString({CSharpLiterals.String(value.Text ?? string.Empty)})",
        _ => $"{Value}.FromVariant({VariantIndex(flag, value.Text)})",
    };

    private static int VariantIndex(FlagModel flag, string? name)
    {
        for (var i = 0; i < flag.Variants.Count; i++)
        {
            if (flag.Variants[i].Name == name)
            {
                return i;
            }
        }

        return 0;
    }

    private static string StringArray(IEnumerable<string> values)
    {
        var literals = new List<string>();
        foreach (var value in values)
        {
            literals.Add(CSharpLiterals.String(value));
        }

        return literals.Count == 0 ? "global::System.Array.Empty<string>()" : "new string[] { " + string.Join(", ", literals) + " }";
    }

    private static string StringArray(EquatableArray<string> values) => StringArray((IEnumerable<string>)values);
}
