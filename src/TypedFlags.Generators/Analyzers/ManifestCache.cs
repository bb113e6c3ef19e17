using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using TypedFlags.Manifest.Parsing;

namespace TypedFlags.Generators.Analyzers;

/// <summary>
/// One parse of each flags.yaml text, shared by every analyzer. The IDE hands out the same <see cref="SourceText"/>
/// until the file changes, so keystrokes in C# files never re-parse the manifest; entries die with their text.
/// </summary>
internal static class ManifestCache
{
    private static readonly ConditionalWeakTable<SourceText, ManifestParseResult> Parsed = new();

    public static ManifestParseResult Parse(SourceText text, CancellationToken cancellationToken)
    {
        if (Parsed.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var result = ManifestParser.ParseDecoded(text.ToString(), cancellationToken);
        return Parsed.GetValue(text, _ => result);
    }
}
