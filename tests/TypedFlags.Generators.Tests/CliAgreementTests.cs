using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypedFlags.Cli;
using TypedFlags.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Generators.Tests;

/// <summary>
/// One rule, one place: <c>typedflags validate</c> prints, for every broken fixture, exactly the lines the build prints
/// for the generator's diagnostics (Roslyn's own MSBuild formatting: path, line, column, severity, id, message).
/// </summary>
public sealed class CliAgreementTests
{
    public static IEnumerable<object[]> InvalidFixtures() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "Fixtures", "manifests", "invalid"), "*.yaml")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new object[] { Path.GetFileName(path) });

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Validate_prints_the_builds_diagnostics(string fixture)
    {
        // The build takes a file named flags.yaml as the manifest, so both sides read a copy under that name.
        var directory = Path.Combine(Path.GetTempPath(), "typedflags-agreement-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "flags.yaml");
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "Fixtures", "manifests", "invalid", fixture), path);
        try
        {
            AssertAgreement(path);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void AssertAgreement(string path)
    {
        var build = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(path, File.ReadAllText(path)) })
            .AllDiagnostics
            .Where(d => d.Location.GetLineSpan().Path == path)
            .Select(d => d.ToString())
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();

        var output = new StringWriter { NewLine = "\n" };
        var exitCode = CliApp.Run(new[] { "validate", path }, new CliConsole(output, new StringWriter(), Rich: false));
        var cli = output.ToString().Split('\n')
            .Where(line => line.StartsWith(path, StringComparison.Ordinal))
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(build);
        Assert.Equal(build, cli);
        Assert.Equal(build.Any(line => line.Contains(": error ", StringComparison.Ordinal)) ? 1 : 0, exitCode);
    }
}
