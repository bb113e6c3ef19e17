using System;
using System.Collections.Generic;
using TypedFlags.Cli.Commands;
using TypedFlags.Manifest.Model;

namespace TypedFlags.Cli.Store;

/// <summary>
/// The flags.yaml that store writes are checked against, read with the shared parser (its TF errors stop the command)
/// and turned into the runtime's <see cref="FlagManifest"/>, so the CLI checks writes with the same
/// <see cref="FlagStoreValidation"/> the store and the admin API use. Only what validation needs is carried over: keys,
/// types, defaults and variants.
/// </summary>
internal static class StoreManifest
{
    /// <summary>The manifest, or null after printing why (exit code in <paramref name="exitCode"/>).</summary>
    public static FlagManifest? Load(string? path, CliConsole console, out int exitCode)
    {
        exitCode = ExitCodes.Findings;
        var manifests = ValidManifests.Load(path, console);
        if (manifests is null)
        {
            return null;
        }

        if (manifests.Count > 1)
        {
            console.Error.WriteLine($"typedflags: '{path}' holds {manifests.Count} flags.yaml files; name the one the store serves with --manifest.");
            exitCode = ExitCodes.Usage;
            return null;
        }

        return ToRuntime(manifests[0].Result.Model!);
    }

    /// <summary>The runtime manifest of <paramref name="model"/>, with the facts validation reads.</summary>
    public static FlagManifest ToRuntime(ManifestModel model)
    {
        var flags = new List<FlagDefinition>(model.Flags.Count);
        foreach (var flag in model.Flags)
        {
            var variants = new string[flag.Variants.Count];
            for (var i = 0; i < variants.Length; i++)
            {
                variants[i] = flag.Variants[i].Name;
            }

            flags.Add(new FlagDefinition(
                flag.Key,
                TypeOf(flag.Type),
                flag.Description,
                DefaultOf(flag, variants),
                flag.EnvVar,
                variants: flag.Type == FlagValueType.Variant ? variants : null));
        }

        return new FlagManifest(flags.ToArray(), Array.Empty<FlagPhase>(), model.EnvPrefix, model.ConfigSection);
    }

    private static FlagValueKind TypeOf(FlagValueType type) => type switch
    {
        FlagValueType.Bool => FlagValueKind.Bool,
        FlagValueType.Int => FlagValueKind.Int,
        FlagValueType.Double => FlagValueKind.Double,
        FlagValueType.String => FlagValueKind.String,
        _ => FlagValueKind.Variant,
    };

    private static FlagValue DefaultOf(FlagModel flag, string[] variants) => flag.Type switch
    {
        FlagValueType.Bool => FlagValue.FromMode(flag.Default.Mode switch
        {
            BoolMode.On => FlagMode.On,
            BoolMode.Shadow => FlagMode.Shadow,
            _ => FlagMode.Off,
        }),
        FlagValueType.Int => FlagValue.FromInt(flag.Default.Int32),
        FlagValueType.Double => FlagValue.FromDouble(flag.Default.Double),
        FlagValueType.String => FlagValue.FromString(flag.Default.Text ?? string.Empty),
        _ => FlagValue.FromVariant(Math.Max(0, Array.IndexOf(variants, flag.Default.Text))),
    };
}
