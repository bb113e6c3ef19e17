using System;
using Microsoft.Extensions.Configuration;

namespace TypedFlags;

/// <summary>
/// Creates engines bound to one application's configuration and options (environment, clock, logger). The
/// generated flags class has a constructor that takes one, which is how dependency injection builds it without
/// knowing its manifest.
/// </summary>
public sealed class FlagEngineFactory
{
    private readonly FlagOptions _options;

    /// <summary>Creates a factory.</summary>
    /// <param name="configuration">The source of deploy-time overrides, or null for flags.yaml and environment variables only.</param>
    /// <param name="options">Environment name, clock, logger and the rest; null for the defaults. Copied, so later changes do not apply (engines read their options only while they are built).</param>
    public FlagEngineFactory(IConfiguration? configuration, FlagOptions? options = null)
    {
        Configuration = configuration;
        _options = options?.Clone() ?? new FlagOptions();
    }

    /// <summary>The configuration the engines read overrides from, if any.</summary>
    public IConfiguration? Configuration { get; }

    /// <summary>Creates an engine for <paramref name="manifest"/>.</summary>
    /// <param name="manifest">The declared flags; usually the generated class's <c>Manifest</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="manifest"/> is null.</exception>
    public FlagEngine Create(FlagManifest manifest) => new(manifest, Configuration, _options);
}
