using System;
using System.Collections;
using System.Collections.Generic;

namespace TypedFlags.Manifest.Collections;

/// <summary>
/// An immutable array with value equality, so records that hold collections compare by content.
/// Incremental generator pipelines cache on equality; arrays and ImmutableArray compare by reference.
/// </summary>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    private readonly T[]? _items;

    /// <summary>Wraps <paramref name="items"/> (copied, so later changes to the source do not leak in).</summary>
    public EquatableArray(IEnumerable<T> items)
    {
        _items = items is null ? null : new List<T>(items).ToArray();
    }

    private EquatableArray(T[] items, bool _)
    {
        _items = items;
    }

    /// <summary>The empty array.</summary>
    public static EquatableArray<T> Empty => default;

    /// <summary>Wraps an array the caller promises never to mutate again.</summary>
    internal static EquatableArray<T> TakeOwnership(T[] items) => new(items, false);

    /// <summary>Number of items.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary>True when there are no items.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The item at <paramref name="index"/>.</summary>
    public T this[int index] => (_items ?? Array.Empty<T>())[index];

    /// <inheritdoc />
    public bool Equals(EquatableArray<T> other)
    {
        var left = _items ?? Array.Empty<T>();
        var right = other._items ?? Array.Empty<T>();
        if (left.Length != right.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Length; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = 17;
        if (_items is not null)
        {
            foreach (var item in _items)
            {
                hash = unchecked((hash * 31) + (item is null ? 0 : item.GetHashCode()));
            }
        }

        return hash;
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>Enumerates the items in order.</summary>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_items ?? Array.Empty<T>()).GetEnumerator();
}

/// <summary>Factory helpers for <see cref="EquatableArray{T}"/>.</summary>
public static class EquatableArray
{
    /// <summary>Copies <paramref name="items"/> into an equatable array.</summary>
    public static EquatableArray<T> From<T>(IEnumerable<T> items)
        where T : IEquatable<T> => new(items);

    /// <summary>Copies the list into an equatable array.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this List<T> items)
        where T : IEquatable<T> => EquatableArray<T>.TakeOwnership(items.ToArray());
}
