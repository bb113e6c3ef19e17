using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Evaluation;

/// <summary>
/// Accessors bound to a context (what the generated <c>For(context)</c> builds) and evaluation by key
/// (<see cref="FlagEngine.Evaluate(string, FlagContext)"/>), which TypedFlags.AspNetCore builds on.
/// </summary>
public sealed class BoundAccessorTests
{
    private static readonly FlagManifest Manifest = Declare.Manifest(
        Declare.Bool("invoices.write", allow: new[] { "alice" }),
        Declare.Bool("pricing.engine", FlagMode.Shadow),
        Declare.Int("page.size", 20),
        Declare.Variant("layout", new[] { "classic", "compact" }));

    [Fact]
    public void A_bound_bool_accessor_reads_for_its_context_and_an_unbound_one_without()
    {
        var engine = Declare.Engine(Manifest);

        Assert.True(new BoolFlag(engine, 0, "alice").IsEnabled);
        Assert.False(new BoolFlag(engine, 0, "bob").IsEnabled);
        Assert.False(new BoolFlag(engine, 0, null).IsEnabled);
        Assert.False(new BoolFlag(engine, 0).IsEnabled);
        Assert.True(new BoolFlag(engine, 1, "bob").IsShadow);
        Assert.True(new BoolFlag(engine, 1).IsShadow);
        Assert.False(new BoolFlag(engine, 0, "alice").IsShadow);
    }

    [Fact]
    public void Bound_int_and_variant_accessors_read_per_target_values_for_their_context()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Flags:page.size:Targets:alice"] = "50",
            ["Flags:layout:Targets:alice"] = "compact",
        }).Build();
        var engine = new FlagEngine(Manifest, configuration, new FlagOptions { EnvironmentName = Declare.Environment, EnvironmentVariables = false });

        Assert.Equal(50, new Flag<int>(engine, 2, "alice").Value);
        Assert.Equal(20, new Flag<int>(engine, 2, "bob").Value);
        Assert.Equal(20, new Flag<int>(engine, 2).Value);
        Assert.Equal(Layout.Compact, new VariantFlag<Layout>(engine, 3, new[] { Layout.Classic, Layout.Compact }, "alice").Value);
        Assert.Equal(Layout.Classic, new VariantFlag<Layout>(engine, 3, new[] { Layout.Classic, Layout.Compact }).Value);
    }

    [Fact]
    public void Evaluating_by_key_gives_value_mode_reason_and_source_for_every_type()
    {
        var engine = Declare.Engine(Manifest);

        var write = engine.Evaluate("invoices.write", "alice");
        var shadow = engine.Evaluate("pricing.engine", default);
        var size = engine.Evaluate("page.size", "alice");
        var layout = engine.Evaluate("layout", "alice");

        Assert.Equal((FlagValue.FromBool(true), FlagMode.On, FlagReason.TargetingMatch, "flags.yaml"), (write.Value, write.Mode, write.Reason, write.Source));
        Assert.Equal((FlagMode.Shadow, FlagReason.Default), (shadow.Mode, shadow.Reason));
        Assert.Equal((FlagValue.FromInt(20), FlagMode.On), (size.Value, size.Mode));
        Assert.Equal(FlagValue.FromVariant(0), layout.Value);
    }

    [Fact]
    public void Evaluating_an_undeclared_key_names_it()
    {
        var engine = Declare.Engine(Manifest);

        var error = Assert.Throws<ArgumentException>(() => engine.Evaluate("invoices.wirte", "alice"));

        Assert.Contains("'invoices.wirte'", error.Message);
        Assert.Throws<ArgumentNullException>(() => engine.Evaluate(null!, default));
    }

    private enum Layout
    {
        Classic,
        Compact,
    }
}
