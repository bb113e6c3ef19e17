using System.IO;
using TypedFlags.Cli;
using TypedFlags.Cli.Commands;
using Xunit;

namespace TypedFlags.Cli.Tests.Report;

/// <summary>The progress display of long scans: only on an interactive standard error, never in the report itself.</summary>
public sealed class ScanProgressTests
{
    [Fact]
    public void A_long_scan_draws_progress_on_an_interactive_stderr_only_and_never_changes_the_report()
    {
        using var directory = new TempDirectory();
        var root = ReportReferenceTests.MiniRepository(directory);
        for (var i = 0; i < ScanProgress.MinimumFiles; i++)
        {
            FixtureRepository.Write(root, $"App/File{i:000}.cs", $"class File{i} {{ bool R(AppFlags f) => f.AttributeFlag.IsEnabled; }}\n");
        }

        var plain = Run(root, errorRich: false);
        var interactive = Run(root, errorRich: true);

        Assert.Equal(string.Empty, plain.Error);
        Assert.Contains("Scanning 200 files", interactive.Error);
        Assert.Equal(plain.Out, interactive.Out);
        Assert.Contains("<code>attribute.flag</code>: 200 references", plain.Out);
    }

    private static (string Out, string Error) Run(string root, bool errorRich)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exitCode = CliApp.Run(new[] { "report", "--project", root, "--today", "2026-12-01" }, new CliConsole(output, error, Rich: false) { ErrorRich = errorRich });
        Assert.Equal(0, exitCode);
        return (output.ToString(), error.ToString());
    }
}
