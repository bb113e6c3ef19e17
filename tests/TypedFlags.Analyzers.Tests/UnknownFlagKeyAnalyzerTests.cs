using System.Threading.Tasks;
using TypedFlags.Analyzers.Tests.Infrastructure;
using Xunit;

// Before: hand-written ConsumerProject + CompilationWithAnalyzers, TF1001 filtered by id, positions as text.
// Now: the testing framework, markup at exact spans, exact messages, every other TypedFlags id configured off.

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
        var project = Tf1001(Usings + """
            public static class Uses
            {
                public static Task<bool> A(IFeatureManager features) => features.IsEnabledAsync({|#0:"beta.baner"|});
                public static Task<bool> B(IFeatureManager features) => features.IsEnabledAsync("beta.banner");
            }
            """);

        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 0, "'beta.baner' is not a flag declared in flags.yaml; did you mean 'beta.banner'?"));

        await project.RunAsync();
    }

    [Fact]
    public async Task Constants_concatenations_and_nameof_are_resolved_through_the_semantic_model()
    {
        var project = Tf1001(Usings + """
            public static class Uses
            {
                private const string Prefix = "beta.";
                private const string Typo = "beta.bammer";
                private const string Good = Prefix + "banner";
                public static Task<bool> A(IFeatureManager f) => f.IsEnabledAsync({|#0:Typo|});
                public static Task<bool> B(IFeatureManager f) => f.IsEnabledAsync({|#1:Prefix + "baner"|});
                public static Task<bool> C(IFeatureManager f) => f.IsEnabledAsync({|#2:nameof(Uses)|});
                public static Task<bool> D(IFeatureManager f) => f.IsEnabledAsync(Good);
                public static Task<bool> E(IFeatureManager f, string dynamic) => f.IsEnabledAsync(dynamic);
                public static Task<bool> F(IFeatureManager f) => f.IsEnabledAsync(Consumer.Flags.Keys.BetaBanner);
            }
            """);

        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 0, "'beta.bammer' is not a flag declared in flags.yaml; did you mean 'beta.banner'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 1, "'beta.baner' is not a flag declared in flags.yaml; did you mean 'beta.banner'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 2, "'Uses' is not a flag declared in flags.yaml"));

        await project.RunAsync();
    }

    [Fact]
    public async Task FlagKey_parameters_fields_properties_and_attribute_arguments_are_checked()
    {
        var project = Tf1001(Usings + """
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
                [FlagKey] public string Key = {|#0:"ops.limt"|};
                [FlagKey] public string? Other { get; set; }
                public static bool IsOn([FlagKey] string key, string label) => key.Length > 0 && label.Length > 0;
                public static bool AnyOn([FlagKey] params string[] keys) => keys.Length > 0;
            }

            public static class Uses
            {
                [RequiresFlag({|#1:"fresh.flg"|}, Also = "fresh.flag", NotAKey = "whatever")]
                public static void A()
                {
                    Gate.IsOn("ops.limit", "not.a.flag");
                    Gate.IsOn({|#2:"opslimit"|}, "x");
                    Gate.AnyOn("beta.banner", {|#3:"beta.banr"|});
                    new Gate { Other = {|#4:"nope"|} };
                }
            }
            """);

        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 0, "'ops.limt' is not a flag declared in flags.yaml; did you mean 'ops.limit'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 1, "'fresh.flg' is not a flag declared in flags.yaml; did you mean 'fresh.flag'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 2, "'opslimit' is not a flag declared in flags.yaml; did you mean 'ops.limit'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 3, "'beta.banr' is not a flag declared in flags.yaml; did you mean 'beta.banner'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 4, "'nope' is not a flag declared in flags.yaml"));

        await project.RunAsync();
    }

    [Fact]
    public async Task FeatureGate_attribute_and_GetVariantAsync_are_checked()
    {
        var project = Tf1001(Usings + """
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
                [Microsoft.FeatureManagement.Mvc.FeatureGate("beta.banner", {|#0:"old.serch"|})]
                public static void A() { }

                [Microsoft.FeatureManagement.Mvc.FeatureGate(RequirementType.All, {|#1:"new.chekout"|})]
                public static void B() { }

                public static async Task C(IVariantFeatureManager variants) => await variants.GetVariantAsync({|#2:"legacy.exprt"|}, System.Threading.CancellationToken.None);
            }
            """);

        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 0, "'old.serch' is not a flag declared in flags.yaml; did you mean 'old.search'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 1, "'new.chekout' is not a flag declared in flags.yaml; did you mean 'new.checkout'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 2, "'legacy.exprt' is not a flag declared in flags.yaml; did you mean 'legacy.export'?"));

        await project.RunAsync();
    }

    [Fact]
    public async Task FeatureManagement_endpoint_middleware_and_filter_gates_are_checked_by_their_feature_parameters()
    {
        var project = Tf1001(Usings + """
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
                    Microsoft.FeatureManagement.AspNetCore.FeatureGateEndpointFilterExtensions.WithFeatureGate(endpoint, "beta.banner", {|#0:"old.serch"|});
                    Microsoft.FeatureManagement.AspNetCore.FeatureGateEndpointFilterExtensions.WithFeatureGate(endpoint, RequirementType.Any, true, {|#1:"new.chekout"|});
                    app.UseForFeature({|#2:"ops.limt"|}, _ => { });
                    app.UseMiddlewareForFeature<string>({|#3:"fresh.flg"|});
                    filters.AddForFeature<string>({|#4:"legacy.exprt"|});
                    app.UseForFeature("ops.limit", _ => { });
                }
            }
            """);

        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 0, "'old.serch' is not a flag declared in flags.yaml; did you mean 'old.search'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 1, "'new.chekout' is not a flag declared in flags.yaml; did you mean 'new.checkout'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 2, "'ops.limt' is not a flag declared in flags.yaml; did you mean 'ops.limit'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 3, "'fresh.flg' is not a flag declared in flags.yaml; did you mean 'fresh.flag'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 4, "'legacy.exprt' is not a flag declared in flags.yaml; did you mean 'legacy.export'?"));

        await project.RunAsync();
    }

    [Fact]
    public async Task FlagKey_marks_carry_over_to_overrides_and_interface_implementations()
    {
        var project = Tf1001(Usings + """
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
                    gate.IsOn({|#0:"beta.baner"|});
                    gate.Key = {|#1:"ops.limt"|};
                    gate.Check({|#2:"fresh.flg"|}, "label");
                    viaInterface.IsOn({|#3:"old.serch"|});
                    ((IGate)other).IsOn({|#4:"new.chekout"|});
                    other.IsOn("not.a.key");
                    gate.IsOn("beta.banner");
                }
            }
            """);

        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 0, "'beta.baner' is not a flag declared in flags.yaml; did you mean 'beta.banner'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 1, "'ops.limt' is not a flag declared in flags.yaml; did you mean 'ops.limit'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 2, "'fresh.flg' is not a flag declared in flags.yaml; did you mean 'fresh.flag'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 3, "'old.serch' is not a flag declared in flags.yaml; did you mean 'old.search'?"));
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 4, "'new.chekout' is not a flag declared in flags.yaml; did you mean 'new.checkout'?"));

        await project.RunAsync();
    }

    [Fact]
    public async Task Keys_match_case_insensitively_like_the_runtime_and_strings_elsewhere_are_ignored()
    {
        var project = Tf1001(Usings + """
            public static class Uses
            {
                public static Task<bool> A(IFeatureManager f) => f.IsEnabledAsync("Beta.Banner");
                public static string B() => "not.a.flag";
                public static bool C(Consumer.Flags flags) => flags.Engine.Manifest.IndexOf("OPS.LIMIT") >= 0;
            }
            """);

        await project.RunAsync();
    }

    [Fact]
    public async Task A_flags_hash_name_is_a_known_feature_name_and_counts_as_a_use()
    {
        // TypedFlags.FeatureManagement resolves a feature name by key or by hash_name (the old Microsoft.FeatureManagement
        // name), ignoring case: both are declared names here, and both count as uses of the flag for TF1104.
        const string manifest = """
            version: 1
            flags:
              two-factor:
                description: Second factor
                hash_name: 2FA
              feature-with-space:
                description: Old name had spaces
                hash_name: Feature With Space
            """;
        var project = new AnalyzerVerifierTest(manifest, Usings + """
            public static class Uses
            {
                public static Task<bool> A(IFeatureManager f) => f.IsEnabledAsync("2FA");
                public static Task<bool> B(IFeatureManager f) => f.IsEnabledAsync("feature with space");
                public static Task<bool> C(IFeatureManager f) => f.IsEnabledAsync({|#0:"2FB"|});
            }
            """);
        project.ReportOnly.Add("TF1001");
        project.ReportOnly.Add("TF1104");
        project.ExpectedDiagnostics.Add(ConsumerSetup.Expect("TF1001", 0, "'2FB' is not a flag declared in flags.yaml"));

        await project.RunAsync();
    }

    [Fact]
    public async Task Without_a_manifest_nothing_is_reported()
    {
        // No flags.yaml at all: no TypedFlags diagnostic of any id, and the consumer still compiles.
        var project = new AnalyzerVerifierTest(null, Usings + """
            public static class Uses
            {
                public static Task<bool> A(IFeatureManager f) => f.IsEnabledAsync("anything");
            }
            """);

        await project.RunAsync();
    }

    /// <summary>The standard manifest with only TF1001 reported, as the tests before the framework filtered it.</summary>
    private static AnalyzerVerifierTest Tf1001(string source)
    {
        var project = new AnalyzerVerifierTest(Manifests.Standard, source);
        project.ReportOnly.Add("TF1001");
        return project;
    }
}
