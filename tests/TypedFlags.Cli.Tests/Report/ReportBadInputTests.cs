using System.IO;
using System.Linq;
using TypedFlags.Cli.Report;
using Xunit;

namespace TypedFlags.Cli.Tests.Report;

/// <summary>Bad input gets a clear, located message and an exit code; never a stack trace, never a lost report.</summary>
public sealed class ReportBadInputTests
{
    [Fact]
    public void An_empty_directory_exits_1_with_one_line()
    {
        using var directory = new TempDirectory();

        var result = CliRunner.Run("report", "--project", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal($"typedflags: no flags.yaml under '{directory.Path}' (bin/, obj/ and hidden directories are skipped).\n", result.Error);
    }

    [Fact]
    public void Source_without_a_flags_yaml_exits_1()
    {
        using var directory = new TempDirectory();
        FixtureRepository.Write(directory.Path, "App/Program.cs", "class P { }\n");

        var result = CliRunner.Run("report", "--project", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("typedflags: no flags.yaml under", result.Error);
    }

    [Fact]
    public void A_missing_directory_or_a_file_exits_1()
    {
        using var directory = new TempDirectory();
        var file = FixtureRepository.Write(directory.Path, "flags.yaml", "version: 1\nflags: {}\n");

        var missing = CliRunner.Run("report", "--project", directory.Combine("nope"));
        var notADirectory = CliRunner.Run("report", "--project", file);

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error);
        Assert.Equal(1, notADirectory.ExitCode);
        Assert.Contains("--project takes a directory", notADirectory.Error);
    }

    [Fact]
    public void A_broken_flags_yaml_prints_the_diagnostics_validate_prints_and_exits_1()
    {
        using var directory = new TempDirectory();
        var root = FixtureRepository.CopyTo(directory);
        var manifest = Path.Combine(root, "src", "Contoso.Flags", "flags.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("    rollout: 50\n", "    rollout: lots\n    colour: red\n"));

        var report = CliRunner.Run("report", "--project", root, "--format", "sarif");
        var validate = CliRunner.Run("validate", root);

        Assert.Equal(1, report.ExitCode);
        Assert.Equal(string.Empty, report.Out);
        var diagnostics = validate.Out.Split('\n').Where(l => l.Contains(": error TF")).ToArray();
        Assert.Equal(2, diagnostics.Length);
        Assert.Equal(diagnostics, report.Error.Split('\n').Where(l => l.Length > 0));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_with_its_position_and_the_rest_is_scanned()
    {
        using var directory = new TempDirectory();
        var root = FixtureRepository.CopyTo(directory);
        File.WriteAllBytes(Path.Combine(root, "src", "Contoso.Web", "Latin1.cs"), new byte[] { (byte)'/', (byte)'/', (byte)'\n', (byte)'/', (byte)'/', (byte)' ', 0xE9, (byte)'\n' });

        var result = CliRunner.Run("report", "--project", root, "--format", "json", "--today", "2026-12-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("typedflags: src/Contoso.Web/Latin1.cs(2,4): warning: not valid UTF-8 (byte 0xE9 at offset 6); file skipped, save it as UTF-8\n", result.Error);
        var report = JsonReport.Read(result.Out)!;
        Assert.Equal(new ReportProblem("src/Contoso.Web/Latin1.cs", 2, 4, "not valid UTF-8 (byte 0xE9 at offset 6); file skipped, save it as UTF-8"), report.Problems.Single());
        Assert.Equal(13, report.Summary.References);
    }

    [Fact]
    public void A_csharp_file_that_does_not_parse_is_reported_and_its_references_still_count()
    {
        using var directory = new TempDirectory();
        var root = FixtureRepository.CopyTo(directory);
        FixtureRepository.Write(root, "src/Contoso.Web/Half.cs", "class Half\n{\n    void M( { }\n    bool N(Contoso.Flags.AppFlags f) => f.SearchTypoTolerance.IsEnabled;\n}\n");

        var result = CliRunner.Run("report", "--project", root, "--format", "md", "--today", "2026-12-01");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("typedflags: src/Contoso.Web/Half.cs(3,13): warning: C# does not parse (", result.Error);
        Assert.Contains("### Files not fully scanned", result.Out);
        Assert.Contains("`src/Contoso.Web/Half.cs:4:43`", result.Out);
        Assert.DoesNotContain("**unused**", result.Out);
    }

    [Fact]
    public void A_flags_yaml_that_is_not_utf8_is_tf0022_as_in_the_build()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.Combine("flags.yaml"), new byte[] { (byte)'v', (byte)'e', (byte)'r', 0xFF, (byte)'\n' });

        var result = CliRunner.Run("report", "--project", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains(": error TF0022: flags.yaml is not valid UTF-8", result.Error);
    }

    [Fact]
    public void Github_annotations_escape_what_workflow_commands_reserve()
    {
        using var directory = new TempDirectory();
        var root = FixtureRepository.CopyTo(directory);
        File.WriteAllBytes(Path.Combine(root, "src", "Contoso.Web", "Latin1,v2.cs"), new byte[] { 0xE9, (byte)'\n' });

        var result = CliRunner.Run("report", "--project", root, "--format", "github", "--today", "2026-12-01");

        // Properties escape ':' and ','; the message escapes '%', CR and LF (the Actions toolkit's rules).
        Assert.Contains("::warning file=src/Contoso.Web/Latin1%2Cv2.cs,line=1,col=1,title=typedflags%3A file not fully scanned::not valid UTF-8 (byte 0xE9 at offset 0); file skipped, save it as UTF-8\n", result.Out);
    }

    [Theory]
    [InlineData("--today", "tomorrow")]
    [InlineData("--today", "2026-13-01")]
    [InlineData("--fail-on", "stael")]
    [InlineData("--fail-on", "stale,everything")]
    [InlineData("--format", "html")]
    [InlineData("--colour", "red")]
    [InlineData("--fail-on", "")]
    [InlineData("--project", "")]
    public void A_bad_option_is_a_usage_error(string option, string value)
    {
        // An empty value stands for the option given without one.
        var result = value.Length == 0 ? CliRunner.Run("report", option) : CliRunner.Run("report", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.EndsWith("Run 'typedflags --help' for usage.\n", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Help_names_every_option()
    {
        var result = CliRunner.Run("report", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--project", "--format", "--today", "--fail-on" })
        {
            Assert.Contains(option, result.Out);
        }
    }
}
