using Xunit;

namespace TypedFlags.Cli.Tests.Report;

/// <summary>--fail-on decides the exit code; the report is written either way.</summary>
public sealed class ReportFailOnTests
{
    [Theory]
    [InlineData("stale", "typedflags: 2 flag(s) match --fail-on stale: invoices.legacy_export, estimates.approval.\n")]
    [InlineData("expired", "typedflags: 1 flag(s) match --fail-on expired: estimates.approval.\n")]
    [InlineData("unused", "typedflags: 1 flag(s) match --fail-on unused: search.typo_tolerance.\n")]
    [InlineData("expired,unused", "typedflags: 2 flag(s) match --fail-on expired,unused: estimates.approval, search.typo_tolerance.\n")]
    public void A_matching_condition_exits_1_and_names_the_flags(string condition, string message)
    {
        using var directory = new TempDirectory();
        var root = FixtureRepository.CopyTo(directory);

        var result = CliRunner.Run("report", "--project", root, "--today", "2026-12-01", "--fail-on", condition);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(message, result.Error);
        Assert.StartsWith("## TypedFlags report", result.Out);
    }

    [Fact]
    public void The_option_can_be_repeated()
    {
        using var directory = new TempDirectory();
        var root = FixtureRepository.CopyTo(directory);

        var result = CliRunner.Run("report", "--project", root, "--today", "2026-12-01", "--fail-on", "expired", "--fail-on", "unused");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("estimates.approval, search.typo_tolerance", result.Error);
    }

    [Fact]
    public void Nothing_matching_exits_0()
    {
        using var directory = new TempDirectory();
        var root = FixtureRepository.CopyTo(directory);

        // Before the first expiry and launch grace period ended, and with every flag read.
        FixtureRepository.Write(root, "src/Contoso.Web/Typos.cs", "class Typos { bool On(Contoso.Flags.AppFlags f) => f.SearchTypoTolerance.IsEnabled; }\n");
        var result = CliRunner.Run("report", "--project", root, "--today", "2026-06-15", "--fail-on", "stale,unused", "--format", "json");

        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Past_lifetime_alone_never_fails()
    {
        using var directory = new TempDirectory();
        var root = FixtureRepository.CopyTo(directory);

        var result = CliRunner.Run("report", "--project", root, "--today", "2026-12-01", "--fail-on", "expired", "--format", "github");

        // payments.old_checkout is past its lifetime, estimates.approval is the only expired flag.
        Assert.Equal("typedflags: 1 flag(s) match --fail-on expired: estimates.approval.\n", result.Error);
    }
}
