using System.IO;
using Xunit;

namespace TypedFlags.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public void A_valid_file_exits_0_and_says_so()
    {
        using var directory = new TempDirectory();
        var path = directory.CopyFixture("flags.yaml", "flags.yaml");

        var result = CliRunner.Run("validate", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Golden.Assert("validate-valid.txt", result.Out, directory);
    }

    [Fact]
    public void A_broken_file_prints_located_TF_diagnostics_in_MSBuild_format_and_exits_1()
    {
        using var directory = new TempDirectory();
        var path = directory.CopyFixture("broken.yaml", "flags.yaml");

        var result = CliRunner.Run("validate", path);

        Assert.Equal(1, result.ExitCode);
        Golden.Assert("validate-broken.txt", result.Out, directory);
    }

    [Fact]
    public void A_directory_means_every_flags_yaml_under_it_except_bin_and_obj()
    {
        using var directory = new TempDirectory();
        directory.CopyFixture("flags.yaml", "App/flags.yaml");
        directory.CopyFixture("broken.yaml", "Lib/flags.yaml");
        directory.CopyFixture("broken.yaml", "App/bin/Debug/flags.yaml");
        directory.CopyFixture("broken.yaml", "App/obj/flags.yaml");

        var result = CliRunner.Run("validate", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Golden.Assert("validate-directory.txt", result.Out, directory);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_TF0022_at_the_bad_byte()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("flags.yaml");
        File.WriteAllBytes(path, new byte[] { (byte)'v', (byte)'e', (byte)'r', (byte)':', (byte)' ', 0xFF, (byte)'\n' });

        var result = CliRunner.Run("validate", path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(path + "(1,6): error TF0022: ", result.Out);
    }
}
