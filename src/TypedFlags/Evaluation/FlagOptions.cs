using System;
using Microsoft.Extensions.Logging;

namespace TypedFlags;

/// <summary>Options for a <see cref="FlagEngine"/>. Every property is optional.</summary>
public sealed class FlagOptions
{
    /// <summary>
    /// The current environment, compared case-insensitively with <c>environments</c> and phases. When null or
    /// empty, the engine uses <c>DOTNET_ENVIRONMENT</c>, then <c>ASPNETCORE_ENVIRONMENT</c>, then <c>Production</c>.
    /// </summary>
    public string? EnvironmentName { get; set; }

    /// <summary>The clock for schedule steps and override expiry; null for <see cref="System.TimeProvider.System"/>. Tests pass a fake.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Receives a warning, once each, for an invalid override or an override of an undeclared flag; null to stay silent.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>
    /// Whether each flag's environment variable (<c>env</c> in flags.yaml, e.g. <c>VITE_INVOICES_WRITE</c>) overrides
    /// it. True by default. The variables are layered over the configuration, so they win over every other source;
    /// to give another source the last word, add them yourself with
    /// <see cref="FlagConfigurationExtensions.AddFlagEnvironmentVariables"/> where you want them in the provider
    /// order, and the engine does not add them a second time.
    /// </summary>
    public bool EnvironmentVariables { get; set; } = true;

    /// <summary>
    /// Whether evaluations are counted through System.Diagnostics.Metrics (meter <c>TypedFlags</c>) and recorded as
    /// <c>feature_flag.evaluation</c> events on the current <see cref="System.Diagnostics.Activity"/>. False by
    /// default; when false, reads do no telemetry work at all.
    /// </summary>
    public bool Telemetry { get; set; }

    /// <summary>
    /// A store of runtime overrides (SPEC §8) to apply as the highest-precedence override source, above the
    /// configuration and the flags' environment variables; null for none. The engine reads the store's in-memory
    /// snapshot and rebuilds its own when the store changes, so reads stay as fast as without one. The engine does not
    /// own the store: dispose it when the application stops. With dependency injection, use <c>AddFlagStore</c>.
    /// </summary>
    public FlagStore? Store { get; set; }

    internal FlagOptions Clone() => (FlagOptions)MemberwiseClone();
}
