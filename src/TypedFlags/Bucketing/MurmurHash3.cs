using System;

namespace TypedFlags;

/// <summary>
/// MurmurHash3, x86 32-bit variant, as an incremental hasher: bytes (or the UTF-8 encoding of strings) are fed in
/// one at a time and never buffered, so hashing <c>{flagKey}/{bucketKey}</c> allocates nothing. The state is a
/// small struct: a copy taken after feeding <c>{flagKey}/</c> is reused for every bucket key of that flag.
/// </summary>
/// <remarks>
/// Written in-house because the bucket of every user is a compatibility promise (SPEC §4.3): the bytes hashed and
/// the algorithm must never change with a dependency. Golden vectors in the tests pin the output.
/// </remarks>
internal struct MurmurHash3
{
    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    private uint _hash;

    // Bytes of the current, incomplete 4-byte block, little-endian, as the reference implementation reads them.
    private uint _block;
    private int _length;

    /// <summary>A hasher with the given seed (TypedFlags bucketing uses 0, the default).</summary>
    public MurmurHash3(uint seed)
    {
        _hash = seed;
        _block = 0;
        _length = 0;
    }

    /// <summary>Hashes <paramref name="data"/> with seed 0.</summary>
    public static uint Hash(byte[] data)
    {
        var hasher = new MurmurHash3(0);
        foreach (var b in data)
        {
            hasher.Append(b);
        }

        return hasher.Finish();
    }

    /// <summary>Hashes the UTF-8 encoding of <paramref name="text"/> with seed 0.</summary>
    public static uint HashUtf8(string text)
    {
        var hasher = new MurmurHash3(0);
        hasher.AppendUtf8(text);
        return hasher.Finish();
    }

    /// <summary>Feeds one byte.</summary>
    public void Append(byte value)
    {
        var shift = (_length & 3) * 8;
        _block |= (uint)value << shift;
        _length++;
        if ((_length & 3) == 0)
        {
            MixBlock(_block);
            _block = 0;
        }
    }

    /// <summary>
    /// Feeds the UTF-8 encoding of <paramref name="text"/>, producing exactly the bytes of
    /// <see cref="System.Text.Encoding.UTF8"/>: a surrogate pair becomes one 4-byte sequence and a lone surrogate
    /// becomes U+FFFD (EF BF BD).
    /// </summary>
    public void AppendUtf8(string text)
    {
        // Fast path for the common case, ASCII keys, in locals: the state fields live behind a reference, and
        // loading and storing them for every char costs more than the hashing itself. At a block boundary, four
        // ASCII chars are one whole block, mixed at once.
        var hash = _hash;
        var block = _block;
        var length = _length;
        var i = 0;
        while (i < text.Length)
        {
            if ((length & 3) == 0)
            {
                while (i + 4 <= text.Length)
                {
                    uint c0 = text[i], c1 = text[i + 1], c2 = text[i + 2], c3 = text[i + 3];
                    if ((c0 | c1 | c2 | c3) >= 0x80)
                    {
                        break;
                    }

                    hash = Mix(hash, c0 | (c1 << 8) | (c2 << 16) | (c3 << 24));
                    length += 4;
                    i += 4;
                }

                if (i == text.Length)
                {
                    break;
                }
            }

            uint c = text[i];
            if (c >= 0x80)
            {
                break;
            }

            block |= c << ((length & 3) * 8);
            length++;
            i++;
            if ((length & 3) == 0)
            {
                hash = Mix(hash, block);
                block = 0;
            }
        }

        _hash = hash;
        _block = block;
        _length = length;
        if (i < text.Length)
        {
            AppendUtf8From(text, i);
        }
    }

    /// <summary>Feeds <paramref name="text"/> from <paramref name="start"/> on, one char at a time, any char.</summary>
    private void AppendUtf8From(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            int c = text[i];
            if (c < 0x80)
            {
                Append((byte)c);
            }
            else if (c < 0x800)
            {
                Append((byte)(0xC0 | (c >> 6)));
                Append((byte)(0x80 | (c & 0x3F)));
            }
            else if (c >= 0xD800 && c <= 0xDFFF)
            {
                if (c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    var codePoint = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                    Append((byte)(0xF0 | (codePoint >> 18)));
                    Append((byte)(0x80 | ((codePoint >> 12) & 0x3F)));
                    Append((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
                    Append((byte)(0x80 | (codePoint & 0x3F)));
                }
                else
                {
                    // Lone surrogate: U+FFFD, as Encoding.UTF8's replacement fallback writes it.
                    Append(0xEF);
                    Append(0xBF);
                    Append(0xBD);
                }
            }
            else
            {
                Append((byte)(0xE0 | (c >> 12)));
                Append((byte)(0x80 | ((c >> 6) & 0x3F)));
                Append((byte)(0x80 | (c & 0x3F)));
            }
        }
    }

    /// <summary>The hash of everything fed so far. Does not change the state, so feeding may continue.</summary>
    public readonly uint Finish()
    {
        var hash = _hash;
        if ((_length & 3) != 0)
        {
            hash ^= Scramble(_block);
        }

        hash ^= (uint)_length;
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return hash;
    }

    private void MixBlock(uint block) => _hash = Mix(_hash, block);

    private static uint Mix(uint hash, uint block)
    {
        hash ^= Scramble(block);
        hash = RotateLeft(hash, 13);
        return (hash * 5) + 0xe6546b64;
    }

    private static uint Scramble(uint block)
    {
        block *= C1;
        block = RotateLeft(block, 15);
        block *= C2;
        return block;
    }

    private static uint RotateLeft(uint value, int count) => (value << count) | (value >> (32 - count));
}
