using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;

namespace TypedFlags.AspNetCore;

/// <summary>Every flag the registered flags classes declare, for the documents that list them all (status, admin).</summary>
internal static class RegisteredFlags
{
    /// <summary>
    /// Each declared flag once, with the engine that evaluates it, in registration and declaration order. A key declared
    /// by two classes (gates refuse it) comes once, from the first class registered.
    /// </summary>
    public static IEnumerable<(FlagEngine Engine, FlagDefinition Flag)> Of(IServiceProvider services)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in services.GetServices<IFlagSet>())
        {
            foreach (var flag in set.Engine.Manifest.Flags)
            {
                if (seen.Add(flag.Key))
                {
                    yield return (set.Engine, flag);
                }
            }
        }
    }
}
