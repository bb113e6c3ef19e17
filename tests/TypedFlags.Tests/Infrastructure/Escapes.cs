using System.Globalization;
using System.Text;

namespace TypedFlags.Tests.Infrastructure;

/// <summary>Decodes <c>\uXXXX</c> escapes, for test strings that must reach the test unchanged (lone surrogates).</summary>
internal static class Escapes
{
    public static string Decode(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 5 < text.Length && text[i + 1] == 'u')
            {
                builder.Append((char)int.Parse(text.Substring(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
