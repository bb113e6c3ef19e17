using System;

namespace TypedFlags;

/// <summary>Finds the current environment name the way ASP.NET Core and the generic host do.</summary>
internal static class EnvironmentNames
{
    /// <summary>The name used when nothing sets one, as in the generic host.</summary>
    public const string Production = "Production";

    /// <summary>The explicit name, else <c>DOTNET_ENVIRONMENT</c>, else <c>ASPNETCORE_ENVIRONMENT</c>, else Production.</summary>
    public static string Resolve(string? explicitName)
    {
        if (!string.IsNullOrWhiteSpace(explicitName))
        {
            return explicitName!;
        }

        return Read("DOTNET_ENVIRONMENT") ?? Read("ASPNETCORE_ENVIRONMENT") ?? Production;
    }

    private static string? Read(string variable)
    {
        try
        {
            var value = Environment.GetEnvironmentVariable(variable);
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }
        catch (System.Security.SecurityException)
        {
            // A sandbox that hides environment variables is treated like one that does not set them.
            return null;
        }
    }
}
