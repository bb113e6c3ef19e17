using System.Collections.Generic;
using TypedFlags.Manifest.Model;
using YamlDotNet.RepresentationModel;

namespace TypedFlags.Manifest.Parsing;

/// <summary>
/// A flag as read, before the cross-flag checks: the model plus the nodes those checks report at.
/// <see cref="HasErrors"/> keeps a broken flag out of the generated code while the rest still generates.
/// </summary>
internal sealed class FlagDraft
{
    public FlagDraft(FlagModel model, YamlScalarNode keyNode)
    {
        Model = model;
        KeyNode = keyNode;
    }

    public FlagModel Model { get; }

    public YamlScalarNode KeyNode { get; }

    public bool HasErrors { get; set; }

    public YamlNode? PhaseNode { get; set; }

    public YamlNode? EnvNode { get; set; }

    public List<(string Key, YamlNode Node)> RequiresNodes { get; } = new();
}
