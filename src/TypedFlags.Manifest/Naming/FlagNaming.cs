using System.Text;

namespace TypedFlags.Manifest.Naming;

/// <summary>
/// The naming rules of SPEC §2: the key grammar and the names derived from a key. The CLI, the generator
/// and the analyzers all derive names here, so an accessor or environment variable name never differs
/// between tools.
/// </summary>
public static class FlagNaming
{
    /// <summary>Human description of the key grammar, used in diagnostics.</summary>
    public const string KeyGrammar = "use letters and digits, starting with a letter, with single '.', '_' or '-' between segments (':' is reserved by configuration)";

    /// <summary>
    /// True when <paramref name="name"/> follows the key grammar: starts with an ASCII letter, then ASCII
    /// letters and digits, with single <c>.</c>, <c>_</c> or <c>-</c> separators between segments.
    /// </summary>
    public static bool IsValidKey(string name) => DescribeKeyError(name) is null;

    /// <summary>Why <paramref name="name"/> breaks the key grammar, or null when it is valid.</summary>
    public static string? DescribeKeyError(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (!IsAsciiLetter(name[0]))
        {
            return "it must start with a letter";
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (IsAsciiLetter(c) || IsAsciiDigit(c))
            {
                continue;
            }

            if (c == ':')
            {
                return "':' is the configuration path separator and cannot appear in a key";
            }

            if (!IsSeparator(c))
            {
                return $"character '{c}' is not allowed; {KeyGrammar}";
            }

            if (i == name.Length - 1)
            {
                return "it must not end with a separator";
            }

            if (IsSeparator(name[i + 1]))
            {
                return "separators must be single, between segments";
            }
        }

        return null;
    }

    /// <summary>
    /// The C# name for a key: PascalCase of the segments, keeping inner humps
    /// (<c>sessionPersistence.phase2.enhancedStorage</c> → <c>SessionPersistencePhase2EnhancedStorage</c>).
    /// </summary>
    public static string ToPascalCase(string key)
    {
        var builder = new StringBuilder(key.Length);
        var upperNext = true;
        foreach (var c in key)
        {
            if (IsSeparator(c))
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        return builder.ToString();
    }

    /// <summary>
    /// UPPER_SNAKE of a key: separators become <c>_</c> and a hump (lower case or digit followed by upper
    /// case) gets one (<c>sessionPersistence.v2</c> → <c>SESSION_PERSISTENCE_V2</c>).
    /// </summary>
    public static string ToUpperSnake(string key)
    {
        var builder = new StringBuilder(key.Length + 8);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (IsSeparator(c))
            {
                builder.Append('_');
                continue;
            }

            if (i > 0 && IsAsciiUpper(c) && (IsAsciiLower(key[i - 1]) || IsAsciiDigit(key[i - 1])))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The environment variable for a key: <paramref name="prefix"/> + UPPER_SNAKE(key).</summary>
    public static string ToEnvVar(string prefix, string key) => prefix + ToUpperSnake(key);

    /// <summary>True for a valid environment variable name (portable POSIX form: letters, digits, '_', not starting with a digit).</summary>
    public static bool IsValidEnvVar(string name, bool allowEmpty = false)
    {
        if (name.Length == 0)
        {
            return allowEmpty;
        }

        if (IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsAsciiLetter(c) && !IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="name"/> is a C# identifier this generator can emit verbatim (ASCII letters, digits and '_', not starting with a digit, not a keyword).</summary>
    public static bool IsValidIdentifier(string name)
    {
        if (name.Length == 0 || IsAsciiDigit(name[0]) || CSharpKeywords.IsKeyword(name))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsAsciiLetter(c) && !IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="name"/> is a reserved C# keyword (<c>event</c>, <c>class</c>...).</summary>
    public static bool IsCSharpKeyword(string name) => CSharpKeywords.IsKeyword(name);

    /// <summary>True when every dot-separated part of <paramref name="name"/> is a valid identifier.</summary>
    public static bool IsValidNamespace(string name)
    {
        foreach (var part in name.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSeparator(char c) => c is '.' or '_' or '-';

    private static bool IsAsciiLetter(char c) => IsAsciiUpper(c) || IsAsciiLower(c);

    private static bool IsAsciiUpper(char c) => c is >= 'A' and <= 'Z';

    private static bool IsAsciiLower(char c) => c is >= 'a' and <= 'z';

    private static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';
}
