using System;
using Microsoft.Extensions.Configuration;

namespace TypedFlags;

/// <summary>Configuration builder extensions for flag overrides.</summary>
public static class FlagConfigurationExtensions
{
    /// <summary>
    /// Adds each declared flag's environment variable (for example <c>VITE_INVOICES_WRITE</c>) as an override. Later
    /// sources win: add it after appsettings*.json to let the environment override files.
    /// </summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="manifest">The flags, usually <c>AppFlags.Manifest</c>.</param>
    public static IConfigurationBuilder AddFlagEnvironmentVariables(this IConfigurationBuilder builder, FlagManifest manifest)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        return builder.Add(new Source(manifest ?? throw new ArgumentNullException(nameof(manifest))));
    }

    /// <summary>True when <paramref name="configuration"/> already reads the flag environment variables of <paramref name="manifest"/>.</summary>
    internal static bool HasFlagEnvironmentVariables(IConfiguration? configuration, FlagManifest manifest)
    {
        if (configuration is IConfigurationRoot root)
        {
            foreach (var provider in root.Providers)
            {
                if (provider is FlagEnvironmentVariablesProvider variables && ReferenceEquals(variables.Manifest, manifest))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class Source : IConfigurationSource
    {
        private readonly FlagManifest _manifest;

        public Source(FlagManifest manifest) => _manifest = manifest;

        public IConfigurationProvider Build(IConfigurationBuilder builder) => new FlagEnvironmentVariablesProvider(_manifest);
    }
}
