using System.IO;
using System.Text;
using Xunit;

namespace TypedFlags.Cli.Tests.Diff;

public sealed class DiffCommandTests
{
    [Fact]
    public void The_markdown_names_every_added_removed_and_changed_flag()
    {
        using var directory = new TempDirectory();
        var before = directory.CopyFixture("diff-old.yaml", "old/flags.yaml");
        var after = directory.CopyFixture("diff-new.yaml", "new/flags.yaml");

        var result = CliRunner.Run("diff", before, after);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Golden.Assert("diff.md", result.Out, directory);
    }

    [Fact]
    public void A_dash_reads_the_old_side_from_standard_input()
    {
        using var directory = new TempDirectory();
        var before = directory.CopyFixture("diff-old.yaml", "old/flags.yaml");
        var after = directory.CopyFixture("diff-new.yaml", "new/flags.yaml");

        var fromFile = CliRunner.Run("diff", before, after);
        var fromInput = RunWithInput(File.ReadAllBytes(before), "diff", "-", after);

        Assert.Equal(0, fromInput.ExitCode);
        Assert.Equal(fromFile.Out.Replace("`" + before + "`", "`standard input`"), fromInput.Out);
    }

    [Fact]
    public void The_same_flags_in_another_layout_are_no_change()
    {
        using var directory = new TempDirectory();
        var before = directory.CopyFixture("diff-old.yaml", "old/flags.yaml");
        var after = directory.Combine("new/flags.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(after)!);

        // Comments, blank lines, quoting and line ends change; what the flags declare does not.
        var text = File.ReadAllText(before).Replace("description: Typo-tolerant search", "description: \"Typo-tolerant search\"  # quoted now").Replace("\n\n", "\n").Replace("\n", "\r\n");
        File.WriteAllText(after, text);

        var result = CliRunner.Run("diff", before, after);

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(": no changes to flags or settings.\n", result.Out);
    }

    [Fact]
    public void A_broken_side_prints_its_located_diagnostics_and_compares_nothing()
    {
        using var directory = new TempDirectory();
        var before = directory.CopyFixture("diff-old.yaml", "old/flags.yaml");
        var broken = directory.CopyFixture("broken.yaml", "new/flags.yaml");

        var result = CliRunner.Run("diff", before, broken);
        var validate = CliRunner.Run("validate", broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);

        // The same diagnostics, word for word, as validate (and the build) reports for that file.
        var expected = validate.Out.Substring(0, validate.Out.LastIndexOf('\n', validate.Out.Length - 2) + 1);
        Assert.Equal(expected, result.Error);
        Assert.Contains("error TF", result.Error);
    }

    [Fact]
    public void A_broken_manifest_on_standard_input_is_located_as_standard_input()
    {
        using var directory = new TempDirectory();
        var after = directory.CopyFixture("diff-new.yaml", "new/flags.yaml");

        var result = RunWithInput(Encoding.UTF8.GetBytes("version: 1\nflags:\n  a.b:\n    description: x\n    rollout: 200\n"), "diff", "-", after);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("standard input(5,14): error TF", result.Error);
    }

    [Fact]
    public void A_missing_file_is_exit_1_with_one_line()
    {
        using var directory = new TempDirectory();
        var after = directory.CopyFixture("diff-new.yaml", "new/flags.yaml");

        var result = CliRunner.Run("diff", directory.Combine("nowhere/flags.yaml"), after);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches("^typedflags: '[^']+' does not exist; diff compares two flags.yaml files.\n$", result.Error);
    }

    [Theory]
    [InlineData("diff", "-", "-")]
    [InlineData("diff", "only-one.yaml")]
    public void Two_standard_inputs_or_one_file_is_a_usage_error(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("typedflags --help", result.Error);
    }

    private static CliResult RunWithInput(byte[] input, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, Rich: false) { OpenInput = () => new MemoryStream(input) };
        var exitCode = CliApp.Run(args, console);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
