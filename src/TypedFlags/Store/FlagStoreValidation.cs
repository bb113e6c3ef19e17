using System;
using System.Collections.Generic;
using TypedFlags.Manifest.Overrides;

namespace TypedFlags;

/// <summary>
/// Checks a <see cref="FlagStoreWrite"/> against the declared flags before any backend sees it. Every writer goes
/// through here (<see cref="FlagStore.WriteAsync"/>, the CLI, the admin API): the override is read as configuration
/// keys by the same <c>OverrideReader</c> the running app and the appsettings analyzer use, and problems are worded as
/// TF2001 and TF2002 are.
/// </summary>
public static class FlagStoreValidation
{
    /// <summary>Checks <paramref name="write"/> against <paramref name="manifest"/>.</summary>
    /// <param name="manifest">The declared flags.</param>
    /// <param name="write">The write.</param>
    /// <returns>Null when the write is valid; else a <see cref="FlagStoreWriteStatus.Rejected"/> result naming the problem and the field.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static FlagStoreWriteResult? Validate(FlagManifest manifest, FlagStoreWrite write)
    {
        if (manifest is null)
        {
            throw new ArgumentNullException(nameof(manifest));
        }

        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        if (string.IsNullOrWhiteSpace(write.Actor))
        {
            return FlagStoreWriteResult.Rejected("A flag store write needs an actor (who makes the change); nothing was written.", "Actor");
        }

        if (string.IsNullOrWhiteSpace(write.Reason))
        {
            return FlagStoreWriteResult.Rejected("A flag store write needs a reason (why the change is made); nothing was written.", "Reason");
        }

        var index = manifest.IndexOf(write.Key);
        if (index < 0 || !string.Equals(manifest.Flags[index].Key, write.Key, StringComparison.Ordinal))
        {
            return FlagStoreWriteResult.Rejected(OverrideMessages.Undeclared(write.Key, write.Key, DeclaredKeys(manifest)), "Key");
        }

        if (write.Override is not { } value)
        {
            return null;
        }

        var shape = ConfigurationOverrides.ShapeOf(manifest.Flags[index]);
        var section = manifest.ConfigSection;
        var tree = OverrideTree.Build(FlagOverrideEntries.Entries(section, write.Key, value, origin: null), section);
        OverrideNode? entry = null;
        foreach (var child in tree.Children)
        {
            entry = child;
        }

        if (entry is null)
        {
            return Empty(write.Key);
        }

        var reading = OverrideReader.Read(shape, entry);
        foreach (var problem in reading.Problems)
        {
            // A write is a deliberate act: a field the reader would only ignore is refused too, not stored unused.
            var field = FieldOf(problem.Node.Path, section, write.Key);
            return FlagStoreWriteResult.Rejected(OverrideMessages.Invalid(write.Key + ":" + field, problem, shape), field);
        }

        return reading.IsEmpty ? Empty(write.Key) : null;
    }

    private static FlagStoreWriteResult Empty(string key) => FlagStoreWriteResult.Rejected(
        $"The override of flag '{key}' sets nothing (Value, State, Rollout, Allow, Deny or Targets); to clear it, remove it instead. Nothing was written.",
        "Override");

    /// <summary>The path under the flag's own key: <c>Value</c>, <c>Targets:0:Expires</c>.</summary>
    private static string FieldOf(string path, string section, string key)
    {
        var prefix = section + ":" + key + ":";
        return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? path.Substring(prefix.Length) : "Value";
    }

    private static IEnumerable<string> DeclaredKeys(FlagManifest manifest)
    {
        foreach (var flag in manifest.Flags)
        {
            yield return flag.Key;
        }
    }
}
