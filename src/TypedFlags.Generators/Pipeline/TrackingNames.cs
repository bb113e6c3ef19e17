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

    /// <summary>The build properties the generator checks (RootNamespace, TypedFlagsToday).</summary>
    public const string BuildProperties = nameof(BuildProperties);

    /// <summary>The namespace-level names each flags.yaml generates (location-free).</summary>
    public const string TypeNames = nameof(TypeNames);

    /// <summary>Project-wide diagnostics before they are located: name clashes across manifests, bad build properties.</summary>
    public const string ProjectChecks = nameof(ProjectChecks);

    /// <summary>Where each flags.yaml declares its class and keys.</summary>
    public const string Locations = nameof(Locations);

    /// <summary>The project-wide diagnostics, located in their flags.yaml.</summary>
    public const string ProjectDiagnostics = nameof(ProjectDiagnostics);
}
