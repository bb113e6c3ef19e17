using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TypedFlags.Cli.Import;

/// <summary>Writes imported flags as flags.yaml (LF line ends), every string quoted, so no value is read as another type.</summary>
internal static class FlagsYamlWriter
{
    public static string Write(IReadOnlyList<ImportedFlag> flags, IReadOnlyList<string> sources)
    {
        var yaml = new StringBuilder();
        yaml.Append("# yaml-language-server: $schema=https://raw.githubusercontent.com/typedflags/typedflags/main/flags.schema.json\n");
        yaml.Append("# Imported from ").Append(string.Join(", ", sources)).Append(" by `typedflags import`.\n");
        yaml.Append("# bucketing: microsoft and hash_name keep every user in the cohort Microsoft.FeatureManagement put them in.\n");
        yaml.Append("version: 1\n");
        yaml.Append("bucketing: microsoft\n");
        yaml.Append("flags:\n");
        if (flags.Count == 0)
        {
            yaml.Append("  {}\n");
        }

        foreach (var flag in flags)
        {
            yaml.Append("  ").Append(flag.Key).Append(":\n");
            Line(yaml, "description", Quote($"Imported from Microsoft.FeatureManagement feature '{flag.Name}'"));
            if (flag.Key != flag.Name)
            {
                Line(yaml, "hash_name", Quote(flag.Name));
            }

            if (flag.IsVariant)
            {
                Line(yaml, "type", "variant");
                Line(yaml, "variants", "[" + string.Join(", ", flag.Variants.Select(Quote)) + "]");
                Line(yaml, "default", Quote(flag.DefaultVariant!));
                if (flag.Split.Count > 0)
                {
                    Line(yaml, "split", "{ " + string.Join(", ", flag.Split.Select(s => Quote(s.Variant) + ": " + FeatureManagementReader.Format(s.Percent))) + " }");
                }

                if (flag.Seed is not null)
                {
                    Line(yaml, "seed", Quote(flag.Seed));
                }

                if (flag.Targets.Count > 0)
                {
                    yaml.Append("    targets:\n");
                    foreach (var (target, variant) in flag.Targets)
                    {
                        yaml.Append("      ").Append(Quote(target)).Append(": ").Append(Quote(variant)).Append('\n');
                    }
                }

                if (flag.EnabledVariants is { } enabledVariants)
                {
                    Line(yaml, "enabled_variants", "[" + string.Join(", ", enabledVariants.Select(Quote)) + "]");
                }

                if (flag.Configuration.Count > 0)
                {
                    yaml.Append("    configuration:\n");
                    foreach (var (variant, value) in flag.Configuration)
                    {
                        yaml.Append("      ").Append(Quote(variant)).Append(": ");
                        ConfigurationValue(yaml, value);
                        yaml.Append('\n');
                    }
                }

                continue;
            }

            Line(yaml, "default", flag.Default ? "true" : "false");
            if (flag.Rollout is { } rollout)
            {
                Line(yaml, "rollout", FeatureManagementReader.Format(rollout));
            }

            if (flag.Allow.Count > 0 || flag.Deny.Count > 0 || flag.Groups.Count > 0)
            {
                yaml.Append("    targeting:\n");
                if (flag.Allow.Count > 0)
                {
                    yaml.Append("      allow: [").Append(string.Join(", ", flag.Allow.Select(Quote))).Append("]\n");
                }

                if (flag.Deny.Count > 0)
                {
                    yaml.Append("      deny: [").Append(string.Join(", ", flag.Deny.Select(Quote))).Append("]\n");
                }

                if (flag.Groups.Count > 0)
                {
                    yaml.Append("      groups: { ").Append(string.Join(", ", flag.Groups.Select(g => Quote(g.Group) + ": " + FeatureManagementReader.Format(g.Percent)))).Append(" }\n");
                }
            }

            if (flag.Schedule.Count > 0)
            {
                yaml.Append("    schedule:\n");
                foreach (var (at, stepRollout) in flag.Schedule)
                {
                    yaml.Append("      - { at: ").Append(at).Append(", rollout: ").Append(FeatureManagementReader.Format(stepRollout)).Append(" }\n");
                }
            }

            if (flag.Environments.Count > 0)
            {
                yaml.Append("    environments:\n");
                foreach (var environment in flag.Environments)
                {
                    yaml.Append("      ").Append(Quote(environment.Key)).Append(": ").Append(environment.Value ? "true" : "false").Append('\n');
                }
            }
        }

        return yaml.ToString();
    }

    /// <summary>
    /// A configuration_value in YAML flow style, every scalar quoted as the text Microsoft.Extensions.Configuration's JSON
    /// provider reads from it (<c>true</c> reads as <c>True</c>, a number as written), so the adapter hands out the same
    /// strings.
    /// </summary>
    private static void ConfigurationValue(StringBuilder yaml, System.Text.Json.JsonElement value)
    {
        switch (value.ValueKind)
        {
            case System.Text.Json.JsonValueKind.Object:
                yaml.Append("{ ");
                var first = true;
                foreach (var property in value.EnumerateObject())
                {
                    yaml.Append(first ? string.Empty : ", ").Append(Quote(property.Name)).Append(": ");
                    ConfigurationValue(yaml, property.Value);
                    first = false;
                }

                yaml.Append(first ? "}" : " }");
                break;
            case System.Text.Json.JsonValueKind.Array:
                yaml.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    yaml.Append(index++ == 0 ? string.Empty : ", ");
                    ConfigurationValue(yaml, item);
                }

                yaml.Append(']');
                break;
            case System.Text.Json.JsonValueKind.Null:
                yaml.Append('~');
                break;
            case System.Text.Json.JsonValueKind.String:
                yaml.Append(Quote(value.GetString()!));
                break;
            default:
                // Numbers as written; true and false as JsonElement.ToString() gives them, which is what the provider stores.
                yaml.Append(Quote(value.ToString()));
                break;
        }
    }

    private static void Line(StringBuilder yaml, string field, string value) => yaml.Append("    ").Append(field).Append(": ").Append(value).Append('\n');

    /// <summary>A YAML double-quoted scalar.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        quoted.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
