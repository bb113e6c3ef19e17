using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedFlags.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

public sealed class UnknownFlagKeyAnalyzerTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using Microsoft.FeatureManagement;
        using TypedFlags;

        """;

    [Fact]
    public async Task Misspelled_literal_passed_to_FeatureManagement_is_reported_at_the_literal_with_the_closest_key()
    {
        var project = new ConsumerProject(Manifests.Standard, Usings + """
            public static class Uses
            {
                public static Task<bool> A(IFeatureManager features) => features.IsEnabledAsync("beta.baner");
                public static Task<bool> B(IFeatureManager features) => features.IsEnabledAsync("beta.banner");
            }
            """);

        Assert.Equal(
            new[] { "TF1001 Source0.cs(6,85): 'beta.baner' is not a flag declared in flags.yaml; did you mean 'beta.banner'?" },
            await project.DescribeAsync("TF1001"));
    }

    [Fact]
    public async Task Constants_concatenations_and_nameof_are_resolved_through_the_semantic_model()
    {
        var project = new ConsumerProject(Manifests.Standard, Usings + """
            public static class Uses
            {
                private const string Prefix = "beta.";
                private const string Typo = "beta.bammer";
                private const string Good = Prefix + "banner";
                public static Task<bool> A(IFeatureManager f) => f.IsEnabledAsync(Typo);
                public static Task<bool> B(IFeatureManager f) => f.IsEnabledAsync(Prefix + "baner");
                public static Task<bool> C(IFeatureManager f) => f.IsEnabledAsync(nameof(Uses));
                public static Task<bool> D(IFeatureManager f) => f.IsEnabledAsync(Good);
                public static Task<bool> E(IFeatureManager f, string dynamic) => f.IsEnabledAsync(dynamic);
                public static Task<bool> F(IFeatureManager f) => f.IsEnabledAsync(Consumer.Flags.Keys.BetaBanner);
            }
            """);

        Assert.Equal(
            new[]
            {
                "TF1001 Source0.cs(9,71): 'beta.bammer' is not a flag declared in flags.yaml; did you mean 'beta.banner'?",
                "TF1001 Source0.cs(10,71): 'beta.baner' is not a flag declared in flags.yaml; did you mean 'beta.banner'?",
                "TF1001 Source0.cs(11,71): 'Uses' is not a flag declared in flags.yaml",
            },
            await project.DescribeAsync("TF1001"));
    }

    [Fact]
    public async Task FlagKey_parameters_fields_properties_and_attribute_arguments_are_checked()
    {
        var project = new ConsumerProject(Manifests.Standard, Usings + """
            using System;

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class RequiresFlagAttribute : Attribute
            {
                public RequiresFlagAttribute([FlagKey] string key) { }
                [FlagKey] public string? Also { get; set; }
                public string? NotAKey { get; set; }
            }

            public sealed class Gate
            {
                [FlagKey] public string Key = "ops.limt";
                [FlagKey] public string? Other { get; set; }
                public static bool IsOn([FlagKey] string key, string label) => key.Length > 0 && label.Length > 0;
                public static bool AnyOn([FlagKey] params string[] keys) => keys.Length > 0;
            }

            public static class Uses
            {
                [RequiresFlag("fresh.flg", Also = "fresh.flag", NotAKey = "whatever")]
                public static void A()
                {
                    Gate.IsOn("ops.limit", "not.a.flag");
                    Gate.IsOn("opslimit", "x");
                    Gate.AnyOn("beta.banner", "beta.banr");
                    new Gate { Other = "nope" };
                }
            }
            """);

        Assert.Equal(
            new[]
            {
                "TF1001 Source0.cs(16,35): 'ops.limt' is not a flag declared in flags.yaml; did you mean 'ops.limit'?",
                "TF1001 Source0.cs(24,19): 'fresh.flg' is not a flag declared in flags.yaml; did you mean 'fresh.flag'?",
                "TF1001 Source0.cs(28,19): 'opslimit' is not a flag declared in flags.yaml; did you mean 'ops.limit'?",
                "TF1001 Source0.cs(29,35): 'beta.banr' is not a flag declared in flags.yaml; did you mean 'beta.banner'?",
                "TF1001 Source0.cs(30,28): 'nope' is not a flag declared in flags.yaml",
            },
            await project.DescribeAsync("TF1001"));
    }

    [Fact]
    public async Task FeatureGate_attribute_and_GetVariantAsync_are_checked()
    {
        var project = new ConsumerProject(Manifests.Standard, Usings + """
            namespace Microsoft.FeatureManagement.Mvc
            {
                // The shape of Microsoft.FeatureManagement.AspNetCore's attribute, which needs ASP.NET Core to compile.
                [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
                public sealed class FeatureGateAttribute : System.Attribute
                {
                    public FeatureGateAttribute(params string[] features) { }
                    public FeatureGateAttribute(Microsoft.FeatureManagement.RequirementType requirementType, params string[] features) { }
                }
            }

            public static class Uses
            {
                [Microsoft.FeatureManagement.Mvc.FeatureGate("beta.banner", "old.serch")]
                public static void A() { }

                [Microsoft.FeatureManagement.Mvc.FeatureGate(RequirementType.All, "new.chekout")]
                public static void B() { }

                public static async Task C(IVariantFeatureManager variants) => await variants.GetVariantAsync("legacy.exprt", System.Threading.CancellationToken.None);
            }
            """);

        Assert.Equal(
            new[]
            {
                "TF1001 Source0.cs(17,65): 'old.serch' is not a flag declared in flags.yaml; did you mean 'old.search'?",
                "TF1001 Source0.cs(20,71): 'new.chekout' is not a flag declared in flags.yaml; did you mean 'new.checkout'?",
                "TF1001 Source0.cs(23,99): 'legacy.exprt' is not a flag declared in flags.yaml; did you mean 'legacy.export'?",
            },
            await project.DescribeAsync("TF1001"));
    }

    [Fact]
    public async Task FeatureManagement_endpoint_middleware_and_filter_gates_are_checked_by_their_feature_parameters()
    {
        var project = new ConsumerProject(Manifests.Standard, Usings + """
            namespace Microsoft.FeatureManagement.AspNetCore
            {
                // The shapes of Microsoft.FeatureManagement.AspNetCore 4.x's extensions, which need ASP.NET Core to compile.
                public interface IEndpointConventionBuilder { }
                public static class FeatureGateEndpointFilterExtensions
                {
                    public static TBuilder WithFeatureGate<TBuilder>(this TBuilder builder, params string[] features) where TBuilder : IEndpointConventionBuilder => builder;
                    public static TBuilder WithFeatureGate<TBuilder>(this TBuilder builder, RequirementType requirementType, bool negate, params string[] features) where TBuilder : IEndpointConventionBuilder => builder;
                }
            }

            namespace Microsoft.FeatureManagement
            {
                public interface IApplicationBuilder { }
                public sealed class FilterCollection { }
                public static class UseForFeatureExtensions
                {
                    public static IApplicationBuilder UseForFeature(this IApplicationBuilder app, string featureName, System.Action<IApplicationBuilder> configuration) => app;
                    public static IApplicationBuilder UseMiddlewareForFeature<T>(this IApplicationBuilder app, string featureName) => app;
                }

                public static class FilterCollectionExtensions
                {
                    public static void AddForFeature<TFilter>(this FilterCollection filters, string feature) { }
                }
            }

            public static class Uses
            {
                public static void A(Microsoft.FeatureManagement.AspNetCore.IEndpointConventionBuilder endpoint, IApplicationBuilder app, FilterCollection filters)
                {
                    Microsoft.FeatureManagement.AspNetCore.FeatureGateEndpointFilterExtensions.WithFeatureGate(endpoint, "beta.banner", "old.serch");
                    Microsoft.FeatureManagement.AspNetCore.FeatureGateEndpointFilterExtensions.WithFeatureGate(endpoint, RequirementType.Any, true, "new.chekout");
                    app.UseForFeature("ops.limt", _ => { });
                    app.UseMiddlewareForFeature<string>("fresh.flg");
                    filters.AddForFeature<string>("legacy.exprt");
                    app.UseForFeature("ops.limit", _ => { });
                }
            }
            """);

        Assert.Equal(
            new[]
            {
                "TF1001 Source0.cs(35,125): 'old.serch' is not a flag declared in flags.yaml; did you mean 'old.search'?",
                "TF1001 Source0.cs(36,137): 'new.chekout' is not a flag declared in flags.yaml; did you mean 'new.checkout'?",
                "TF1001 Source0.cs(37,27): 'ops.limt' is not a flag declared in flags.yaml; did you mean 'ops.limit'?",
                "TF1001 Source0.cs(38,45): 'fresh.flg' is not a flag declared in flags.yaml; did you mean 'fresh.flag'?",
                "TF1001 Source0.cs(39,39): 'legacy.exprt' is not a flag declared in flags.yaml; did you mean 'legacy.export'?",
            },
            await project.DescribeAsync("TF1001"));
    }

    [Fact]
    public async Task FlagKey_marks_carry_over_to_overrides_and_interface_implementations()
    {
        var project = new ConsumerProject(Manifests.Standard, Usings + """
            public interface IGate
            {
                bool IsOn([FlagKey] string key);
                [FlagKey] string? Key { get; set; }
            }

            public abstract class GateBase
            {
                public abstract bool Check([FlagKey] string key, string label);
            }

            public sealed class Gate : GateBase, IGate
            {
                public bool IsOn(string key) => key.Length > 0;
                public string? Key { get; set; }
                public override bool Check(string key, string label) => key.Length > label.Length;
            }

            public sealed class Explicit : IGate
            {
                bool IGate.IsOn(string key) => key.Length > 0;
                string? IGate.Key { get; set; }
                public bool IsOn(string notAKey) => notAKey.Length > 0;
            }

            public static class Uses
            {
                public static void A(Gate gate, IGate viaInterface, Explicit other)
                {
                    gate.IsOn("beta.baner");
                    gate.Key = "ops.limt";
                    gate.Check("fresh.flg", "label");
                    viaInterface.IsOn("old.serch");
                    ((IGate)other).IsOn("new.chekout");
                    other.IsOn("not.a.key");
                    gate.IsOn("beta.banner");
                }
            }
            """);

        Assert.Equal(
            new[]
            {
                "TF1001 Source0.cs(33,19): 'beta.baner' is not a flag declared in flags.yaml; did you mean 'beta.banner'?",
                "TF1001 Source0.cs(34,20): 'ops.limt' is not a flag declared in flags.yaml; did you mean 'ops.limit'?",
                "TF1001 Source0.cs(35,20): 'fresh.flg' is not a flag declared in flags.yaml; did you mean 'fresh.flag'?",
                "TF1001 Source0.cs(36,27): 'old.serch' is not a flag declared in flags.yaml; did you mean 'old.search'?",
                "TF1001 Source0.cs(37,29): 'new.chekout' is not a flag declared in flags.yaml; did you mean 'new.checkout'?",
            },
            await project.DescribeAsync("TF1001"));
    }

    [Fact]
    public async Task Keys_match_case_insensitively_like_the_runtime_and_strings_elsewhere_are_ignored()
    {
        var project = new ConsumerProject(Manifests.Standard, Usings + """
            public static class Uses
            {
                public static Task<bool> A(IFeatureManager f) => f.IsEnabledAsync("Beta.Banner");
                public static string B() => "not.a.flag";
                public static bool C(Consumer.Flags flags) => flags.Engine.Manifest.IndexOf("OPS.LIMIT") >= 0;
            }
            """);

        Assert.Empty(await project.DescribeAsync("TF1001"));
    }

    [Fact]
    public async Task Without_a_manifest_nothing_is_reported()
    {
        var project = new ConsumerProject(Manifests.Standard, Usings + """
            public static class Uses
            {
                public static Task<bool> A(IFeatureManager f) => f.IsEnabledAsync("anything");
            }
            """);
        var compilation = project.Compilation();
        var analyzed = compilation.WithAnalyzers(ConsumerProject.Analyzers, new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty, project.OptionsProvider));

        Assert.Empty(await analyzed.GetAnalyzerDiagnosticsAsync());
    }
}
