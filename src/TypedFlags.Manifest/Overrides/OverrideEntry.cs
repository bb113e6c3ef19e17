namespace TypedFlags.Manifest.Overrides;

/// <summary>
/// One configuration key as one provider holds it (<c>Flags:beta.banner:Value</c> = <c>on</c>): the flat form the
/// configuration providers keep, which both sides of the override reader start from. The runtime lists its
/// providers' keys; the appsettings analyzer flattens the JSON document the way the JSON provider does.
/// </summary>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
readonly struct OverrideEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="path">The configuration path, segments separated by ':'.</param>
    /// <param name="value">The value; null for a key without a value (JSON null, an empty object or array).</param>
    /// <param name="hasValue">
    /// False for an entry that only marks where a non-empty object or array is written (the analyzer's locations);
    /// configuration providers hold no such keys.
    /// </param>
    /// <param name="order">The provider's position: a later provider (a higher order) wins.</param>
    /// <param name="origin">Where it was written: the runtime's source name, the analyzer's JSON location.</param>
    public OverrideEntry(string path, string? value, bool hasValue, int order, object? origin)
    {
        Path = path;
        Value = value;
        HasValue = hasValue;
        Order = order;
        Origin = origin;
    }

    /// <summary>The configuration path, segments separated by ':'.</summary>
    public string Path { get; }

    /// <summary>The value, or null.</summary>
    public string? Value { get; }

    /// <summary>True when the provider holds this key (with a value or null); false for a location-only entry.</summary>
    public bool HasValue { get; }

    /// <summary>The provider's position; later providers win.</summary>
    public int Order { get; }

    /// <summary>Where it was written, for messages.</summary>
    public object? Origin { get; }
}
