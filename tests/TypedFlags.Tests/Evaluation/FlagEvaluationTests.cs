using System.Collections.Generic;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

public sealed class FlagEvaluationTests
{
    [Fact]
    public void ToString_shows_key_value_reason_and_source()
    {
        var manifest = Declare.Manifest(
            Declare.Bool("invoices.write", FlagMode.Shadow),
            Declare.Int("page.size", 20),
            Declare.Double("ratio", 0.5),
            Declare.String("greeting", "hello"),
            Declare.Variant("layout", new[] { "classic", "compact" }, @default: 1));
        var engine = Declare.Engine(manifest);

        Assert.Equal("invoices.write = shadow (Default, flags.yaml)", engine.BoolAccessor("invoices.write").Evaluate("alice").ToString());
        Assert.Equal("page.size = 20 (Default, flags.yaml)", new Flag<int>(engine, 1).Evaluate("alice").ToString());
        Assert.Equal("ratio = 0.5 (Default, flags.yaml)", new Flag<double>(engine, 2).Evaluate("alice").ToString());
        Assert.Equal("greeting = \"hello\" (Default, flags.yaml)", new Flag<string>(engine, 3).Evaluate("alice").ToString());
        Assert.Equal("layout = Compact (Default, flags.yaml)", new VariantFlag<Layout>(engine, 4, new[] { Layout.Classic, Layout.Compact }).Evaluate("alice").ToString());
    }

    [Fact]
    public void Bool_evaluations_are_true_only_when_on()
    {
        var on = new FlagEvaluation<bool>("f", true, FlagMode.On, FlagReason.Default, "flags.yaml");

        Assert.True(on.Value);
        Assert.Equal("f", on.Key);
        Assert.Equal("f = on (Default, flags.yaml)", on.ToString());
    }

    [Fact]
    public void A_string_converts_to_a_context_with_that_targeting_key()
    {
        FlagContext context = "alice";

        Assert.Equal("alice", context.TargetingKey);
        Assert.Null(context.Tenant);
        Assert.Null(context.Groups);
    }

    [Fact]
    public void A_context_describes_itself()
    {
        var context = new FlagContext { TargetingKey = "alice", Tenant = "acme", Groups = new List<string> { "a", "b" } };

        Assert.Equal("targeting key 'alice', tenant 'acme', groups [a, b]", context.ToString());
    }

    private enum Layout
    {
        Classic,
        Compact,
    }
}
