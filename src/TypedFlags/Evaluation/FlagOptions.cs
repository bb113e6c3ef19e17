using System;

namespace TypedFlags;

/// <summary>Options for a <see cref="FlagEngine"/>. Every property is optional.</summary>
public sealed class FlagOptions
{
    /// <summary>
    /// The current environment, compared case-insensitively with <c>environments</c> and phases. When null or
    /// empty, the engine uses <c>DOTNET_ENVIRONMENT</c>, then <c>ASPNETCORE_ENVIRONMENT</c>, then <c>Production</c>.
    /// </summary>
    public string? EnvironmentName { get; set; }

    /// <summary>The clock for schedule steps; null for <see cref="System.TimeProvider.System"/>. Tests pass a fake.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Receives a warning, once each, for an invalid override or an override of an undeclared flag; null to stay silent.</summary>
    public Microsoft.Extensions.Logging.ILogger? Logger { get; set; }
}
