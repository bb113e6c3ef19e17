using System.IO;
using TypedFlags.Manifest.Parsing;
using TypedFlags.Manifest.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Manifest.Tests;

/// <summary>
/// Models compare by value (records and EquatableArray), so the generator's incremental pipeline can cache
/// on them: the same text, or a text that differs only in comments and layout, gives an equal model.
/// </summary>
public sealed class ModelEqualityTests
{
    private static string Billing => File.ReadAllText(Path.Combine(RepositoryPaths.ValidFixtures, "billing.yaml"));

    [Fact]
    public void Parsing_the_same_text_twice_gives_equal_models_and_results()
    {
        var first = ManifestParser.Parse(Billing);
        var second = ManifestParser.Parse(Billing);

        Assert.NotSame(first.Model, second.Model);
        Assert.Equal(first.Model, second.Model);
        Assert.Equal(first.Model!.GetHashCode(), second.Model!.GetHashCode());
        Assert.Equal(first, second);
        Assert.True(first.Model.Flags == second.Model.Flags);
    }

    [Fact]
    public void Invalid_text_gives_equal_diagnostics_every_time()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.InvalidFixtures, "TF0015-invalid-identifiers.yaml"));

        Assert.Equal(ManifestParser.Parse(text), ManifestParser.Parse(text));
    }

    [Fact]
    public void A_comment_only_edit_gives_an_equal_model_and_moved_locations()
    {
        var edited = "# Reviewed by the billing team.\n" + Billing.Replace("    rollout: 12.5\n", "    rollout: 12.5  # half of the preview tenants\n", System.StringComparison.Ordinal);
        Assert.NotEqual(Billing, edited);

        var before = ManifestParser.Parse(Billing);
        var after = ManifestParser.Parse(edited);

        Assert.Equal(before.Model, after.Model);
        Assert.Equal(before.Model!.GetHashCode(), after.Model!.GetHashCode());
        Assert.NotEqual(before.Locations, after.Locations);
        Assert.Equal(before.Locations[0].Span.StartLine + 1, after.Locations[0].Span.StartLine);
    }

    [Fact]
    public void Flow_and_block_spellings_of_the_same_values_give_equal_models()
    {
        var block = "version: 1\nflags:\n  a.b:\n    description: x\n    requires:\n      - c.d\n    metadata:\n      jira: X-1\n  c.d:\n    description: y\n";
        var flow = "version: 1\nflags: { a.b: { description: x, requires: [c.d], metadata: { jira: X-1 } }, c.d: { description: 'y' } }\n";

        Assert.Equal(ManifestParser.Parse(block).Model, ManifestParser.Parse(flow).Model);
    }

    [Theory]
    [InlineData("    rollout: 12.5\n", "    rollout: 12.6\n")]
    [InlineData("    owner: billing-team\n    kind: release\n", "    owner: billing-team\n    kind: experiment\n")]
    [InlineData("      - { at: 2026-12-01, rollout: 1 }\n", "      - { at: 2026-12-02, rollout: 1 }\n")]
    [InlineData("      jira: BILL-42\n", "      jira: BILL-43\n")]
    [InlineData("  parked: []\n", "  parked: [development]\n")]
    public void A_value_edit_gives_a_different_model(string from, string to)
    {
        Assert.Contains(from, Billing, System.StringComparison.Ordinal);

        var before = ManifestParser.Parse(Billing).Model;
        var after = ManifestParser.Parse(Billing.Replace(from, to, System.StringComparison.Ordinal)).Model;

        Assert.NotNull(after);
        Assert.NotEqual(before, after);
    }
}
