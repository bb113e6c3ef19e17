using System.Globalization;
using TypedFlags.Manifest.Collections;

namespace TypedFlags.Manifest.Diagnostics;

/// <summary>A problem found in flags.yaml, located at a line and column. Equatable so it can flow through
/// incremental generator pipelines.</summary>
/// <param name="Id">Stable diagnostic id (<c>TF0005</c>).</param>
/// <param name="Span">Where in the file.</param>
/// <param name="Arguments">Arguments of the rule's message format.</param>
public sealed record ManifestDiagnostic(string Id, SourceSpan Span, EquatableArray<string> Arguments)
{
    /// <summary>The rule this diagnostic reports.</summary>
    public ManifestRule Rule => ManifestRules.Get(Id);

    /// <summary>The formatted message.</summary>
    public string Message => string.Format(CultureInfo.InvariantCulture, Rule.MessageFormat, ToObjects(Arguments));

    /// <summary>MSBuild-style text: <c>path(line,col): error TF0005: message</c>.</summary>
    public string Format(string path) => string.Format(
        CultureInfo.InvariantCulture,
        "{0}({1},{2}): {3} {4}: {5}",
        path,
        Span.StartLine,
        Span.StartColumn,
        Rule.Severity switch { ManifestSeverity.Error => "error", ManifestSeverity.Warning => "warning", _ => "info" },
        Id,
        Message);

    /// <inheritdoc />
    public override string ToString() => Format("flags.yaml");

    private static object[] ToObjects(EquatableArray<string> arguments)
    {
        var result = new object[arguments.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = arguments[i];
        }

        return result;
    }
}
