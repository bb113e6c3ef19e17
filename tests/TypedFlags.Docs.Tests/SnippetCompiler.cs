using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using TypedFlags.Generators;

namespace TypedFlags.Docs.Tests;

/// <summary>
/// Compiles a snippet the way a new project of the .NET SDK would: with the SDK's implicit usings (the web SDK's when
/// the snippet builds a <c>WebApplication</c>), the TypedFlags runtime, TypedFlags.AspNetCore and the generator over a flags.yaml.
/// </summary>
public static class SnippetCompiler
{
    private static readonly string[] ConsoleUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    private static readonly string[] WebUsings = ConsoleUsings.Concat(new[]
    {
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    }).ToArray();

    // The shared frameworks this test runs on (Microsoft.NETCore.App and Microsoft.AspNetCore.App) and the runtime.
    /// <summary>
    /// The runtime is built against Microsoft.Extensions.* 8.0 and snippets compile against this process's newer
    /// framework: CS1701/CS1702 (reference unified to a newer version), which the .NET SDK turns off in every project
    /// (NoWarn 1701;1702), are off here too.
    /// </summary>
    private static readonly ImmutableDictionary<string, ReportDiagnostic> AssemblyUnification = ImmutableDictionary<string, ReportDiagnostic>.Empty
        .Add("CS1701", ReportDiagnostic.Suppress)
        .Add("CS1702", ReportDiagnostic.Suppress);

    private static readonly ImmutableArray<MetadataReference> References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => path.Contains(Path.DirectorySeparatorChar + "shared" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        .Append(typeof(FlagEngine).Assembly.Location)
        .Append(typeof(TypedFlags.AspNetCore.RequireFlagAttribute).Assembly.Location)
        .Append(typeof(TypedFlags.Store.Sqlite.SqliteFlagStore).Assembly.Location)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToImmutableArray();

    /// <summary>Every diagnostic of a warning or error a build of the snippet would print.</summary>
    public static IReadOnlyList<string> Compile(string code, string flagsYaml)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(code, parseOptions, path: "Program.cs");
        var isProgram = tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any();
        var usings = code.Contains("WebApplication", StringComparison.Ordinal) ? WebUsings : ConsoleUsings;
        var globalUsings = CSharpSyntaxTree.ParseText(
            string.Concat(usings.Select(u => $"global using global::{u};\n")), parseOptions, path: "GlobalUsings.g.cs");

        var compilation = CSharpCompilation.Create(
            "Snippet",
            new[] { tree, globalUsings },
            References,
            new CSharpCompilationOptions(isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(AssemblyUnification));

        var driver = CSharpGeneratorDriver.Create(
            new[] { new FlagsGenerator().AsSourceGenerator() },
            new[] { new ManifestText("/snippet/flags.yaml", flagsYaml) },
            parseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        return generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToArray();
    }

    private sealed class ManifestText : AdditionalText
    {
        private readonly SourceText _text;

        public ManifestText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
