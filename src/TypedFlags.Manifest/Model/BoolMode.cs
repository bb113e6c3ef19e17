namespace TypedFlags.Manifest.Model;

/// <summary>The three states of a bool flag value.</summary>
public enum BoolMode
{
    /// <summary><c>false</c>.</summary>
    Off,

    /// <summary><c>true</c>.</summary>
    On,

    /// <summary><c>shadow</c>: the feature runs beside the old path, but its result is not used.</summary>
    Shadow,
}
