using System;
using System.Collections.Generic;

namespace TypedFlags.Manifest.Overrides;

/// <summary>Builds the merged view (<see cref="OverrideNode"/>) of one configuration section from flat entries.</summary>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
static class OverrideTree
{
    /// <summary>
    /// The node of <paramref name="section"/> (<c>Flags</c>, or a nested <c>App:Flags</c>), with every entry of
    /// <paramref name="entries"/> at or under it. Paths compare ignoring case, as configuration keys do.
    /// </summary>
    public static OverrideNode Build(IEnumerable<OverrideEntry> entries, string section)
    {
        var root = new OverrideNode(LastSegment(section), section);
        var prefix = section + ":";
        foreach (var entry in entries)
        {
            if (string.Equals(entry.Path, section, StringComparison.OrdinalIgnoreCase))
            {
                root.Apply(entry);
                continue;
            }

            if (!entry.Path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var node = root;
            var segments = entry.Path.Substring(prefix.Length).Split(':');
            foreach (var segment in segments)
            {
                if (entry.HasValue)
                {
                    node.NoteDescendant(entry.Order);
                }

                node = node.GetOrAdd(segment);
            }

            node.Apply(entry);
        }

        root.Sort();
        return root;
    }

    private static string LastSegment(string path)
    {
        var colon = path.LastIndexOf(':');
        return colon < 0 ? path : path.Substring(colon + 1);
    }
}
