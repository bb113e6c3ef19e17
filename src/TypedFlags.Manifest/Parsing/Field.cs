using YamlDotNet.RepresentationModel;

namespace TypedFlags.Manifest.Parsing;

/// <summary>A name and value of a mapping entry, with the key node for locating diagnostics.</summary>
internal readonly record struct Field(string Name, YamlScalarNode Key, YamlNode Value);
