using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TypedFlags.Benchmarks;

/// <summary>
/// The analyzers the .NET SDK adds to every project that targets .NET 5 or later (<c>EnableNETAnalyzers</c> is on by
/// default), loaded from the SDK this benchmark runs under: the baseline a TypedFlags user's build already pays.
/// </summary>
internal static class SdkAnalyzers
{
    private static readonly string[] Files = { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" };

    public static ImmutableArray<DiagnosticAnalyzer> Load()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll -> <dotnet root>/sdk/<version>/...
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var folder = Directory.GetDirectories(Path.Combine(dotnetRoot, "sdk"))
            .Select(sdk => Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
            .Where(analyzers => Files.All(file => File.Exists(Path.Combine(analyzers, file))))
            .OrderBy(analyzers => analyzers, StringComparer.Ordinal)
            .LastOrDefault()
            ?? throw new InvalidOperationException("No .NET SDK with the .NET analyzers under " + dotnetRoot);

        var loader = new Loader();
        return Files
            .SelectMany(file => new AnalyzerFileReference(Path.Combine(folder, file), loader).GetAnalyzers(LanguageNames.CSharp))
            .ToImmutableArray();
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
