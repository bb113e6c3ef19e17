namespace TypedFlags.Generators.Pipeline;

/// <summary>Names of the incremental steps, so tests can assert what ran and what was cached.</summary>
public static class TrackingNames
{
    /// <summary>Build properties the generator reads.</summary>
    public const string Options = nameof(Options);

    /// <summary>The text of each flags.yaml.</summary>
    public const string ManifestText = nameof(ManifestText);

    /// <summary>Parse result (model, diagnostics, locations) of each flags.yaml.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>Diagnostics of each flags.yaml.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>The location-free model of each flags.yaml.</summary>
    public const string Model = nameof(Model);

    /// <summary>Every model together with the options, ready to emit.</summary>
    public const string Emit = nameof(Emit);
}
