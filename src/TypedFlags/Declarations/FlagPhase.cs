using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace TypedFlags;

/// <summary>
/// A release phase from <c>phases:</c> in flags.yaml. A bool flag in this phase is on by default in the
/// environments the phase lists and off everywhere else.
/// </summary>
public sealed class FlagPhase
{
    /// <summary>Creates a phase.</summary>
    /// <param name="name">The phase name, e.g. <c>beta</c>.</param>
    /// <param name="environments">The environments where the phase's flags are on (compared case-insensitively).</param>
    /// <exception cref="ArgumentException">The name is empty, or an environment name is null or empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public FlagPhase(string name, string[] environments)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (name.Length == 0)
        {
            throw new ArgumentException("A phase name cannot be empty.", nameof(name));
        }

        if (environments is null)
        {
            throw new ArgumentNullException(nameof(environments));
        }

        foreach (var environment in environments)
        {
            if (string.IsNullOrEmpty(environment))
            {
                throw new ArgumentException($"Phase '{name}' lists a null or empty environment name.", nameof(environments));
            }
        }

        Name = name;

        // Copied so that later changes to the caller's array cannot change a manifest that engines already use.
        Environments = new ReadOnlyCollection<string>((string[])environments.Clone());
    }

    /// <summary>The phase name.</summary>
    public string Name { get; }

    /// <summary>The environments where the phase's flags are on, in declaration order.</summary>
    public IReadOnlyList<string> Environments { get; }

    /// <summary>True when the phase lists <paramref name="environmentName"/> (case-insensitively).</summary>
    internal bool Includes(string environmentName)
    {
        for (var i = 0; i < Environments.Count; i++)
        {
            if (string.Equals(Environments[i], environmentName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The phase name and its environments.</summary>
    public override string ToString() => Name + ": [" + string.Join(", ", Environments) + "]";
}
