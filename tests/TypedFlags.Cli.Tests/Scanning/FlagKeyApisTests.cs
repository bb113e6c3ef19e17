using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TypedFlags.Cli.Scanning;
using TypedFlags.Cli.Tests.Report;
using TypedFlags.Manifest.Naming;
using Xunit;

namespace TypedFlags.Cli.Tests.Scanning;

/// <summary>
/// The report finds the key APIs of the TypedFlags packages by name (FlagKeyApis.RuntimeMembers); the analyzer reads the
/// [FlagKey] marks. Reading the runtime's and TypedFlags.AspNetCore's own sources with the report's declaration collector keeps the names and the marks in step.
/// </summary>
public sealed class FlagKeyApisTests
{
    [Fact]
    public void The_runtime_members_are_exactly_the_package_methods_with_a_flag_key_parameter()
    {
        var packages = new[] { "TypedFlags", "TypedFlags.AspNetCore" }.Select(p => Path.Combine(ReportSchemaTests.RepositoryRoot(), "src", p));
        var trees = packages.SelectMany(p => Directory.EnumerateFiles(p, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f)).GetRoot())
            .ToList();

        var declared = new KeyApiSyntax(trees).DeclaredKeyMethods;

        Assert.Equal(FlagKeyApis.RuntimeMembers.OrderBy(n => n, System.StringComparer.Ordinal), declared);
    }
}
