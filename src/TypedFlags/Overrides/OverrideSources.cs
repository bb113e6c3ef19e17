using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace TypedFlags;

/// <summary>
/// Names where a configuration value came from, for <see cref="FlagEvaluation{T}.Source"/> and warnings:
/// <c>env:NAME</c> when the provider that wins for the path is a flag environment variable, else <c>config:path</c>.
/// The providers are listed once per read, not once per flag.
/// </summary>
internal sealed class OverrideSources
{
    /// <summary>The prefix of a source that is a flag environment variable.</summary>
    public const string EnvironmentPrefix = "env:";

    /// <summary>The prefix of a source that is a configuration path.</summary>
    public const string ConfigurationPrefix = "config:";

    private readonly List<IConfigurationProvider>? _providers;

    public OverrideSources(IConfiguration configuration)
    {
        _providers = configuration is IConfigurationRoot root ? new List<IConfigurationProvider>(root.Providers) : null;
    }

    public string Of(string path)
    {
        // Later providers win, as in IConfigurationRoot itself.
        for (var i = (_providers?.Count ?? 0) - 1; i >= 0; i--)
        {
            if (_providers![i].TryGet(path, out _))
            {
                return _providers[i] is FlagEnvironmentVariablesProvider flags && flags.TryGetVariable(path, out var variable)
                    ? EnvironmentPrefix + variable
                    : ConfigurationPrefix + path;
            }
        }

        return ConfigurationPrefix + path;
    }
}
