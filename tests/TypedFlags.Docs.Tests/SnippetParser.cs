using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedFlags.Docs.Tests;

/// <summary>Syntax checks for excerpts, which cannot compile on their own.</summary>
public static class SnippetParser
{
    /// <summary>The syntax errors of <paramref name="code"/> read as a file of top-level statements and members.</summary>
    public static IReadOnlyList<string> SyntaxErrors(string code) =>
        CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))
            .GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToArray();
}
