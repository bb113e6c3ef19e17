using Xunit;

namespace TypedFlags.Cli.Tests;

public sealed class ConsoleModeTests
{
    [Theory]
    [InlineData(false, null, true)]
    [InlineData(false, "", true)]
    [InlineData(false, "1", false)]
    [InlineData(true, null, false)]
    [InlineData(true, "1", false)]
    public void Only_a_terminal_without_NO_COLOR_is_drawn(bool redirected, string? noColor, bool rich) =>
        Assert.Equal(rich, CliConsole.IsRich(redirected, noColor));

    [Fact]
    public void A_terminal_gets_a_Spectre_table_at_its_natural_width_with_whole_keys()
    {
        using var directory = new TempDirectory();
        var path = directory.CopyFixture("flags.yaml", "flags.yaml");
        var output = new System.IO.StringWriter();

        var exitCode = CliApp.Run(new[] { "list", path, "--today", "2026-12-01" }, new CliConsole(output, new System.IO.StringWriter(), Rich: true));

        Assert.Equal(0, exitCode);
        Assert.Contains("checkout.new_flow", output.ToString());
        Assert.Contains("VITE_CHECKOUT_LAYOUT", output.ToString());
        Assert.StartsWith("╭", output.ToString());
        Assert.DoesNotContain("-----", output.ToString());
    }
}
