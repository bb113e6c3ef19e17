using System.IO;
using Xunit;

namespace TypedFlags.Cli.Tests;

/// <summary>Every kind of bad input gets one clear line (or located diagnostics) and its exit code, never a stack trace.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("validate")]
    [InlineData("list")]
    public void A_path_that_does_not_exist_exits_1(string command)
    {
        using var directory = new TempDirectory();
        var missing = directory.Combine("nowhere/flags.yaml");

        var result = CliRunner.Run(command, missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"typedflags: '{missing}' does not exist; pass a flags.yaml or a directory that holds one.\n", result.Error);
    }

    [Fact]
    public void An_empty_directory_exits_1_and_says_nothing_was_found()
    {
        using var directory = new TempDirectory();

        var result = CliRunner.Run("validate", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"typedflags: no flags.yaml under '{directory.Path}' (bin/, obj/ and hidden directories are skipped).\n", result.Error);
    }

    [Fact]
    public void A_directory_whose_only_flags_yaml_is_build_output_counts_as_empty()
    {
        using var directory = new TempDirectory();
        directory.CopyFixture("flags.yaml", "obj/flags.yaml");

        var result = CliRunner.Run("validate", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("typedflags: no flags.yaml under ", result.Error);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_a_located_TF0022_for_export_too()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("flags.yaml");
        File.WriteAllBytes(path, new byte[] { (byte)'a', 0xC3, 0x28 });

        var result = CliRunner.Run("export", path, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.StartsWith(path + "(1,2): error TF0022: ", result.Error);
    }

    [Theory]
    [InlineData("validate", "--strict")]
    [InlineData("lst")]
    [InlineData("list", "--today", "tomorrow")]
    [InlineData("export", "--format")]
    [InlineData("export")]
    public void A_wrong_command_line_exits_2_with_a_hint(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.EndsWith("Run 'typedflags --help' for usage.\n", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void No_command_is_a_usage_error()
    {
        var result = CliRunner.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Required command was not provided.", result.Error);
    }

    [Fact]
    public void Help_lists_the_commands_and_exits_0()
    {
        var result = CliRunner.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("typedflags [command] [options]", result.Out);
        Assert.Contains("validate", result.Out);
        Assert.Contains("list", result.Out);
        Assert.Contains("export", result.Out);
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_one_line_and_exit_1()
    {
        using var directory = new TempDirectory();
        var path = directory.CopyFixture("flags.yaml", "flags.yaml");
        var target = directory.Combine("missing-dir/out.md");

        var result = CliRunner.Run("export", path, "--format", "markdown", "--output", target);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"typedflags: cannot write '{target}': ", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }
}
