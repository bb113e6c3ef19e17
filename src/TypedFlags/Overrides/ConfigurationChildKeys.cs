using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace TypedFlags;

/// <summary>
/// <see cref="IConfigurationProvider.GetChildKeys"/> for the runtime's own flat providers (the flags' environment
/// variables, a flag store): the next path segment of every key under <c>parentPath</c>, after the earlier providers'
/// keys, as the configuration root expects them.
/// </summary>
internal static class ConfigurationChildKeys
{
    public static List<string> Of(IEnumerable<string> keysOfThisProvider, IEnumerable<string> earlierKeys, string? parentPath)
    {
        var keys = new List<string>(earlierKeys);
        var prefix = parentPath is null ? string.Empty : parentPath + ConfigurationPath.KeyDelimiter;
        foreach (var key in keysOfThisProvider)
        {
            if (key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var rest = key.Substring(prefix.Length);
                var end = rest.IndexOf(ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
                keys.Add(end < 0 ? rest : rest.Substring(0, end));
            }
        }

        return keys;
    }
}
