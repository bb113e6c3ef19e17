using TypedFlags.Manifest.Model;

namespace TypedFlags.Cli.Export;

/// <summary>One flag of the exported inventory, with the flags.yaml that declares it.</summary>
/// <param name="Source">The flags.yaml path, as shown to the user.</param>
/// <param name="Flag">The validated flag.</param>
internal sealed record InventoryFlag(string Source, FlagModel Flag);
