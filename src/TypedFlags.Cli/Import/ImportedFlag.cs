using System.Collections.Generic;

namespace TypedFlags.Cli.Import;

/// <summary>One Microsoft.FeatureManagement feature as a flags.yaml flag, before it is written.</summary>
internal sealed class ImportedFlag
{
    public ImportedFlag(string name, string key)
    {
        Name = name;
        Key = key;
    }

    /// <summary>The feature name in configuration.</summary>
    public string Name { get; }

    /// <summary>The flag key: the name when it is a valid key, else a key derived from it (the name goes to hash_name).</summary>
    public string Key { get; }

    public bool Default { get; set; }

    public decimal? Rollout { get; set; }

    public List<string> Allow { get; } = new();

    public List<string> Deny { get; } = new();

    public List<(string Group, decimal Percent)> Groups { get; } = new();

    public List<(string At, decimal Rollout)> Schedule { get; } = new();

    public Dictionary<string, bool> Environments { get; } = new();

    public List<string> Variants { get; } = new();

    public string? DefaultVariant { get; set; }

    public List<(string Variant, decimal Percent)> Split { get; } = new();

    public string? Seed { get; set; }

    /// <summary>User and group allocations as flags.yaml targets (<c>alice</c>, <c>group:Ring1</c>) and their variant, in order.</summary>
    public List<(string Target, string Variant)> Targets { get; } = new();

    /// <summary>The variants under which the feature is enabled, or null when every variant is.</summary>
    public List<string>? EnabledVariants { get; set; }

    /// <summary>Each variant's configuration_value, in declaration order.</summary>
    public List<(string Variant, System.Text.Json.JsonElement Value)> Configuration { get; } = new();

    public bool IsVariant => Variants.Count > 0;
}

/// <summary>Something the import could not carry over exactly, and what to do about it.</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Problem">What could not be converted.</param>
/// <param name="Action">What to do.</param>
internal sealed record ImportNote(string Feature, string Problem, string Action);
