using System.Collections.Generic;
using System.Globalization;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Parsing;
using TypedFlags.Manifest.Staleness;

namespace TypedFlags.Cli.Output;

/// <summary>How the list and export commands spell a flag's fields.</summary>
internal static class FlagText
{
    /// <summary>Shown for a field the flag does not set.</summary>
    public const string None = "-";

    /// <summary>The type as written in flags.yaml (the parser's table; the enum follows its order).</summary>
    public static string Type(FlagValueType type) => ManifestFields.Types[(int)type];

    /// <summary>The default as written in flags.yaml; an empty string shows as <c>""</c>.</summary>
    public static string Default(FlagModel flag)
    {
        var text = flag.Default.ToDisplayString();
        return text.Length == 0 ? "\"\"" : text;
    }

    /// <summary>The declared rollout as a percentage (<c>0.1%</c>), or <see cref="None"/>.</summary>
    public static string Rollout(FlagModel flag) => flag.RolloutThousandths is { } thousandths
        ? (thousandths / 1000m).ToString("0.###", CultureInfo.InvariantCulture) + "%"
        : None;

    /// <summary>The lifecycle status on the evaluated day: active, or every one of expired, launched, past lifetime.</summary>
    public static string Status(FlagStatus status)
    {
        var parts = StatusNames(status);
        return parts.Count == 0 ? "active" : string.Join(", ", parts);
    }

    /// <summary>
    /// The names of the lifecycle findings of <paramref name="status"/> (<see cref="FlagLifecycle"/> decides them):
    /// expired, launched, past lifetime, in that order; empty for an active flag. list and report both spell them here.
    /// </summary>
    public static List<string> StatusNames(FlagStatus status)
    {
        var parts = new List<string>();
        if (status.Expired)
        {
            parts.Add("expired");
        }

        if (status.Launched)
        {
            parts.Add("launched");
        }

        if (status.Overdue)
        {
            parts.Add("past lifetime");
        }

        return parts;
    }
}
