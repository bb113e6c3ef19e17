using System;
using System.Linq;
using System.Text;
using TypedFlags.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Generators.Tests;

/// <summary>Documents built to hurt a YAML parser end in a located diagnostic inside the generator, never a crash.</summary>
/// <remarks>
/// On GeneratorHarness, not the testing framework: these tests pin only that no exception escapes and that what is
/// reported is a TF diagnostic (which limit trips first is the parser's business); the framework needs the exact list.
/// </remarks>
public sealed class HostileInputTests
{
    [Fact]
    public void Billion_laughs_is_a_limit_diagnostic()
    {
        var builder = new StringBuilder("version: 1\nflags:\n  a.b:\n    description: x\n    metadata:\n      l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            builder.Append($"      l{i}: &l{i} [").Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))).Append("]\n");
        }

        builder.Append("    targeting:\n      allow: *l9\n");

        var result = GeneratorHarness.Run(builder.ToString());

        Assert.Null(result.RunResult.Results.Single().Exception);
        Assert.NotEmpty(result.AllDiagnostics);
        Assert.All(result.AllDiagnostics, d => Assert.StartsWith("TF", d.Id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ten_thousand_levels_of_nesting_is_a_limit_diagnostic(bool flowStyle)
    {
        var deep = flowStyle
            ? "version: 1\nflags: " + new string('[', 10_000) + new string(']', 10_000) + "\n"
            : "version: 1\nflags:\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => new string(' ', i + 1) + "- \n"));

        var result = GeneratorHarness.Run(deep);

        Assert.Null(result.RunResult.Results.Single().Exception);
        Assert.Contains(result.AllDiagnostics, d => d.Id is "TF0021" or "TF0001");
    }
}
