using System;
using System.Collections.Generic;

namespace TypedFlags.Manifest.Overrides;

/// <summary>
/// One key of the merged view of configuration, with what every provider contributed to it: the value of the latest
/// provider that sets the key itself, and the keys under it. Unlike <c>IConfigurationSection</c>, it keeps the
/// provider order of both, so a key that is a value in one provider and an object in a later one is resolved the
/// way the providers' order says (see <see cref="OverrideReader"/>). Built by <see cref="OverrideTree"/>.
/// </summary>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
sealed class OverrideNode
{
    private static readonly OverrideNode[] NoChildren = new OverrideNode[0];

    internal OverrideNode(string key, string path)
    {
        Key = key;
        Path = path;
    }

    /// <summary>The last segment of <see cref="Path"/>.</summary>
    public string Key { get; }

    /// <summary>The configuration path.</summary>
    public string Path { get; }

    /// <summary>True when some provider sets this key itself (to a value, or to null).</summary>
    public bool HasValue { get; private set; }

    /// <summary>The latest provider's value of this key; null for none or for a null value.</summary>
    public string? Value { get; private set; }

    /// <summary>The order of the provider that set <see cref="Value"/>, or -1.</summary>
    public int ValueOrder { get; private set; } = -1;

    /// <summary>Where <see cref="Value"/> was written (see <see cref="OverrideEntry.Origin"/>).</summary>
    public object? ValueOrigin { get; private set; }

    /// <summary>Where the object or array at this key was written, when the adapter knows (the analyzer does).</summary>
    public object? Origin { get; private set; }

    /// <summary>The keys under this one, in configuration's order (numbers numerically, first; then names, ignoring case).</summary>
    public IReadOnlyList<OverrideNode> Children => _children ?? (IReadOnlyList<OverrideNode>)NoChildren;

    /// <summary>The latest provider order of anything under this key, or -1.</summary>
    public int ChildrenOrder { get; private set; } = -1;

    /// <summary>The latest provider order of this key's value or anything under it.</summary>
    public int LatestOrder => Math.Max(ValueOrder, ChildrenOrder);

    /// <summary>True when there are children and every one is named by an index (0, 1, ...): configuration's arrays.</summary>
    public bool IsArray
    {
        get
        {
            if (_children is null)
            {
                return false;
            }

            foreach (var child in _children)
            {
                if (!IsIndex(child.Key))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The value as text, where a null value (JSON null, an empty object) reads as empty: not set.</summary>
    public string Text => Value ?? string.Empty;

    /// <summary>True when the value is missing, null or only spaces.</summary>
    public bool IsBlank => Text.Trim().Length == 0;

    private List<OverrideNode>? _children;

    /// <summary>The child named <paramref name="key"/> (ignoring case, as configuration does), or null.</summary>
    public OverrideNode? Child(string key)
    {
        if (_children is not null)
        {
            foreach (var child in _children)
            {
                if (string.Equals(child.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    return child;
                }
            }
        }

        return null;
    }

    /// <summary>True for a non-negative integer key, which configuration treats as an array index.</summary>
    public static bool IsIndex(string key)
    {
        if (key.Length == 0 || key.Length > 9)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    internal OverrideNode GetOrAdd(string key)
    {
        _children ??= new List<OverrideNode>();
        foreach (var child in _children)
        {
            if (string.Equals(child.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return child;
            }
        }

        var added = new OverrideNode(key, Path.Length == 0 ? key : Path + ":" + key);
        _children.Add(added);
        return added;
    }

    internal void Apply(in OverrideEntry entry)
    {
        if (!entry.HasValue)
        {
            Origin ??= entry.Origin;
            return;
        }

        // Later providers win; within one provider, the later entry.
        if (entry.Order >= ValueOrder)
        {
            HasValue = true;
            Value = entry.Value;
            ValueOrder = entry.Order;
            ValueOrigin = entry.Origin;
        }

        Origin ??= entry.Origin;
    }

    internal void NoteDescendant(int order)
    {
        if (order > ChildrenOrder)
        {
            ChildrenOrder = order;
        }
    }

    internal void Sort()
    {
        if (_children is null)
        {
            return;
        }

        _children.Sort(static (x, y) => CompareKeys(x.Key, y.Key));
        foreach (var child in _children)
        {
            child.Sort();
        }
    }

    /// <summary>Configuration's key order: indexes numerically and before names, names ignoring case.</summary>
    private static int CompareKeys(string x, string y)
    {
        var xIndex = IsIndex(x);
        var yIndex = IsIndex(y);
        if (xIndex && yIndex)
        {
            return int.Parse(x, System.Globalization.CultureInfo.InvariantCulture).CompareTo(int.Parse(y, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (xIndex != yIndex)
        {
            return xIndex ? -1 : 1;
        }

        return string.Compare(x, y, StringComparison.OrdinalIgnoreCase);
    }
}
