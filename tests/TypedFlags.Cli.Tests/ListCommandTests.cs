using Xunit;

namespace TypedFlags.Cli.Tests;

public sealed class ListCommandTests
{
    [Fact]
    public void Lists_every_flag_with_type_default_phase_rollout_env_var_owner_and_status_on_the_given_day()
    {
        using var directory = new TempDirectory();
        var path = directory.CopyFixture("flags.yaml", "flags.yaml");

        var result = CliRunner.Run("list", path, "--today", "2026-12-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Golden.Assert("list.txt", result.Out, directory);
    }

    [Fact]
    public void The_status_follows_today()
    {
        using var directory = new TempDirectory();
        var path = directory.CopyFixture("flags.yaml", "flags.yaml");

        var before = CliRunner.Run("list", path, "--today", "2026-11-15");
        var after = CliRunner.Run("list", path, "--today", "2027-02-01");

        Assert.DoesNotContain("expired", before.Out);
        Assert.Contains("checkout.new_flow ", after.Out);
        Assert.Equal(2, after.Out.Split("expired").Length - 1);
    }

    [Fact]
    public void Several_files_are_listed_under_their_paths()
    {
        using var directory = new TempDirectory();
        directory.CopyFixture("flags.yaml", "App/flags.yaml");
        directory.CopyFixture("flags.yaml", "Lib/flags.yaml");

        var result = CliRunner.Run("list", directory.Path, "--today", "2026-12-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(directory.Combine("App/flags.yaml") + "\n", result.Out);
        Assert.Contains("\n\n" + directory.Combine("Lib/flags.yaml") + "\n", result.Out);
    }

    [Fact]
    public void A_broken_file_prints_its_diagnostics_to_standard_error_and_no_table()
    {
        using var directory = new TempDirectory();
        var path = directory.CopyFixture("broken.yaml", "flags.yaml");

        var result = CliRunner.Run("list", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains(path + "(6,14): error TF0005: ", result.Error);
    }
}
