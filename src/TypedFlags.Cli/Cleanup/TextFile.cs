using System;
using System.IO;
using System.Text;

namespace TypedFlags.Cli.Cleanup;

/// <summary>
/// A text file read as bytes and decoded without guessing: UTF-8 (with or without a byte order mark) or UTF-16 with
/// its byte order mark. <see cref="Encode"/> writes changed text back the same way: same encoding, same byte order
/// mark, so a cleanup changes the lines it rewrites and nothing else.
/// </summary>
internal sealed class TextFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private TextFile(string text, Encoding encoding, byte[] preamble)
    {
        Text = text;
        Encoding = encoding;
        Preamble = preamble;
    }

    /// <summary>The decoded text, without the byte order mark.</summary>
    public string Text { get; }

    /// <summary>The encoding the bytes were in.</summary>
    public Encoding Encoding { get; }

    /// <summary>The byte order mark the file started with (empty for none).</summary>
    public byte[] Preamble { get; }

    /// <summary>The line end the file uses most: <c>\r\n</c> or <c>\n</c> (<c>\n</c> for a file of one line).</summary>
    public string NewLine
    {
        get
        {
            var crlf = 0;
            var lf = 0;
            for (var i = 0; i < Text.Length; i++)
            {
                if (Text[i] == '\n')
                {
                    if (i > 0 && Text[i - 1] == '\r')
                    {
                        crlf++;
                    }
                    else
                    {
                        lf++;
                    }
                }
            }

            return crlf > lf ? "\r\n" : "\n";
        }
    }

    /// <summary>Decodes <paramref name="bytes"/>; null with <paramref name="problem"/> set when they are not UTF-8 (or UTF-16 with a byte order mark).</summary>
    public static TextFile? Decode(byte[] bytes, out string? problem)
    {
        problem = null;
        if (Starts(bytes, 0xEF, 0xBB, 0xBF))
        {
            return Utf8(bytes, 3, out problem);
        }

        if (Starts(bytes, 0xFF, 0xFE) && !Starts(bytes, 0xFF, 0xFE, 0x00, 0x00))
        {
            return Utf16(bytes, new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), out problem);
        }

        if (Starts(bytes, 0xFE, 0xFF))
        {
            return Utf16(bytes, new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), out problem);
        }

        return Utf8(bytes, 0, out problem);
    }

    /// <summary>The bytes of <paramref name="text"/> in this file's encoding, with its byte order mark.</summary>
    public byte[] Encode(string text)
    {
        var body = Encoding.GetBytes(text);
        var bytes = new byte[Preamble.Length + body.Length];
        Preamble.CopyTo(bytes, 0);
        body.CopyTo(bytes, Preamble.Length);
        return bytes;
    }

    private static TextFile? Utf8(byte[] bytes, int start, out string? problem)
    {
        try
        {
            problem = null;
            return new TextFile(StrictUtf8.GetString(bytes, start, bytes.Length - start), StrictUtf8, Slice(bytes, start));
        }
        catch (DecoderFallbackException ex)
        {
            var offset = start + Math.Max(ex.Index, 0);
            problem = $"not UTF-8 (invalid byte 0x{(offset < bytes.Length ? bytes[offset] : 0):X2} at offset {offset})";
            return null;
        }
    }

    private static TextFile? Utf16(byte[] bytes, UnicodeEncoding encoding, out string? problem)
    {
        try
        {
            problem = null;
            return new TextFile(encoding.GetString(bytes, 2, bytes.Length - 2), encoding, Slice(bytes, 2));
        }
        catch (DecoderFallbackException)
        {
            problem = "not valid UTF-16 after its byte order mark";
            return null;
        }
    }

    private static byte[] Slice(byte[] bytes, int length)
    {
        var preamble = new byte[length];
        Array.Copy(bytes, preamble, length);
        return preamble;
    }

    private static bool Starts(byte[] bytes, params byte[] prefix)
    {
        if (bytes.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (bytes[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads and decodes a file; null with <paramref name="problem"/> when it cannot be read or decoded.</summary>
    public static TextFile? Read(string path, out string? problem)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = "unreadable (" + ex.Message + ")";
            return null;
        }

        return Decode(bytes, out problem);
    }
}
