using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TypedFlags.Manifest.Diagnostics;

namespace TypedFlags.Generators.Diagnostics;

/// <summary>Turns the manifest library's diagnostics into Roslyn diagnostics located in flags.yaml.</summary>
internal static class ManifestDiagnosticConverter
{
    public static DiagnosticDescriptor Descriptor(ManifestRule rule) => ManifestDescriptors.ById[rule.Id];

    public static Diagnostic ToDiagnostic(ManifestDiagnostic diagnostic, string path)
    {
        var arguments = new object[diagnostic.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = diagnostic.Arguments[i];
        }

        return Diagnostic.Create(Descriptor(diagnostic.Rule), LocationOf(path, diagnostic.Span), arguments);
    }

    public static Location LocationOf(string path, SourceSpan span) => Location.Create(
        path,
        new TextSpan(span.Start, span.Length),
        new LinePositionSpan(
            new LinePosition(span.StartLine - 1, span.StartColumn - 1),
            new LinePosition(span.EndLine - 1, span.EndColumn - 1)));
}
