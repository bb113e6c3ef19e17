using System;

namespace TypedFlags;

/// <summary>
/// Values forced for unit tests. The generated <c>{Class}Overrides</c> derives from this class and adds one typed
/// property per flag; <see cref="FlagEngine.ForTesting"/> turns the forced values into an engine where they win
/// over every step of the evaluation order (reason <see cref="FlagReason.Override"/>, source <c>test</c>).
/// </summary>
public abstract class FlagTestOverrides
{
    private readonly FlagValue?[] _values;

    /// <summary>Creates an empty set of forced values for the flags of <paramref name="manifest"/>.</summary>
    /// <param name="manifest">The manifest whose flags can be forced.</param>
    /// <exception cref="ArgumentNullException"><paramref name="manifest"/> is null.</exception>
    protected FlagTestOverrides(FlagManifest manifest)
    {
        Manifest = manifest ?? throw new ArgumentNullException(nameof(manifest));
        _values = new FlagValue?[manifest.Flags.Count];
    }

    /// <summary>The manifest whose flags can be forced.</summary>
    internal FlagManifest Manifest { get; }

    /// <summary>Forces flag <paramref name="key"/> to <paramref name="value"/>.</summary>
    /// <param name="key">The flag key (case-insensitive).</param>
    /// <param name="value">The value; its kind must match the flag's type (a bool flag takes a bool value in any mode).</param>
    /// <exception cref="ArgumentException">No flag has that key, or the value does not fit the flag.</exception>
    public void Set([FlagKey] string key, FlagValue value)
    {
        var index = RequireIndex(key);
        Manifest.Flags[index].CheckValue(value, "the forced value", nameof(value));
        _values[index] = value;
    }

    /// <summary>Gets the value forced for flag <paramref name="key"/>.</summary>
    /// <param name="key">The flag key (case-insensitive).</param>
    /// <param name="value">The forced value, or the default when the flag is not forced.</param>
    /// <returns>True when the flag is forced; false when it is not, or no flag has that key.</returns>
    public bool TryGet([FlagKey] string key, out FlagValue value)
    {
        var index = Manifest.IndexOf(key);
        if (index >= 0 && _values[index] is { } forced)
        {
            value = forced;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The value forced for flag <paramref name="key"/>, or null when it is not forced.</summary>
    /// <param name="key">The flag key (case-insensitive).</param>
    /// <exception cref="ArgumentException">No flag has that key.</exception>
    protected FlagValue? Get([FlagKey] string key) => _values[RequireIndex(key)];

    /// <summary>Forces flag <paramref name="key"/> to <paramref name="value"/>, or stops forcing it when <paramref name="value"/> is null.</summary>
    /// <param name="key">The flag key (case-insensitive).</param>
    /// <param name="value">The value, or null to leave the flag to flags.yaml.</param>
    /// <exception cref="ArgumentException">No flag has that key, or the value does not fit the flag.</exception>
    protected void SetOrClear([FlagKey] string key, FlagValue? value)
    {
        if (value is { } forced)
        {
            Set(key, forced);
        }
        else
        {
            _values[RequireIndex(key)] = null;
        }
    }

    /// <summary>A copy of the forced values, indexed like <see cref="FlagManifest.Flags"/>.</summary>
    internal FlagValue?[] ToArray() => (FlagValue?[])_values.Clone();

    private int RequireIndex(string key)
    {
        var index = Manifest.IndexOf(key);
        if (index < 0)
        {
            throw new ArgumentException($"No flag with key '{key}' is declared.", nameof(key));
        }

        return index;
    }
}
