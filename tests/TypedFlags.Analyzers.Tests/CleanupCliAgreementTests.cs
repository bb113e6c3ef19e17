using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using TypedFlags.Analyzers.Tests.Infrastructure;
using TypedFlags.Cli;
using TypedFlags.CodeFixes;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

/// <summary>
/// The code fix and <c>typedflags cleanup --stale</c> must rewrite alike: every program of the cleanup corpus goes
/// through both, the fix's Fix All in the document and the CLI over a folder with the same flags.yaml on the same day,
/// and the texts must be equal line for line. The allowed differences come from Roslyn's Simplifier, which the fix runs
/// over the values it inlined with the compilation's help and the CLI, without one, cannot: a variant value written
/// shorter (<c>OldVar.TwoColumn</c> for <c>global::Consumer.OldVar.TwoColumn</c>), parentheses around a negative
/// number it proves redundant, and the spacing it gives the expression it touched.
/// </summary>
public sealed class CleanupCliAgreementTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "CleanupCorpus");

    public static TheoryData<string> Cases() => CleanupCorpusTests.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_cli_rewrites_each_corpus_program_as_the_code_fix_does(string file)
    {
        var manifest = File.ReadAllText(Path.Combine(Folder, "flags.yaml"));
        var support = Directory.GetFiles(Path.Combine(Folder, "Support"), "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var source = File.ReadAllText(Path.Combine(Folder, file));

        using var workspace = new FixWorkspace(new ConsumerProject(manifest, new[] { source }.Concat(support.Select(File.ReadAllText)).ToArray()) { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication });
        var fixedSolution = await workspace.FixAllAsync(new RemoveStaleFlagCodeFixProvider(), workspace.Document(0), FixAllScope.Document, RemoveStaleFlagCodeFixProvider.InlineFinalValue, "TF1101", "TF1102");
        var byFix = await FixWorkspace.TextAsync(fixedSolution, 0);

        var directory = Path.Combine(Path.GetTempPath(), "typedflags-agreement-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "Support"));
            File.WriteAllText(Path.Combine(directory, "flags.yaml"), manifest);

            // The RootNamespace the corpus compiles with: variant values are written in it.
            File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><RootNamespace>Consumer</RootNamespace></PropertyGroup></Project>");
            File.WriteAllText(Path.Combine(directory, file), source);
            foreach (var path in support)
            {
                File.Copy(path, Path.Combine(directory, "Support", Path.GetFileName(path)));
            }

            var output = new StringWriter();
            var exitCode = CliApp.Run(new[] { "cleanup", "--stale", "--today", ConsumerProject.Today, "--project", directory }, new CliConsole(output, output, Rich: false));
            var byCli = File.ReadAllText(Path.Combine(directory, file));

            Assert.True(exitCode is 0 or 1, output.ToString());
            var fixLines = byFix.Split('\n');
            var cliLines = byCli.Replace("global::Consumer.", string.Empty, StringComparison.Ordinal).Split('\n');
            Assert.True(fixLines.Length == cliLines.Length, $"The fix gave:\n{byFix}\nThe CLI gave:\n{byCli}");
            for (var i = 0; i < fixLines.Length; i++)
            {
                if (fixLines[i] != cliLines[i])
                {
                    Assert.Equal(Simplified(fixLines[i]), Simplified(cliLines[i]));
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A line without spaces and without parentheses around a negative number: what the Simplifier may change.</summary>
    private static string Simplified(string line) =>
        Regex.Replace(Regex.Replace(line, @"\s+", string.Empty), @"\((-[0-9][0-9.]*)\)", "$1");
}
