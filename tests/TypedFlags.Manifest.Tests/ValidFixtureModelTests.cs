using System;
using System.Linq;
using TypedFlags.Manifest.Collections;
using TypedFlags.Manifest.Model;
using TypedFlags.Manifest.Parsing;
using TypedFlags.Manifest.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Manifest.Tests;

/// <summary>What each valid fixture reads into: derived names, defaults, rollouts, schedules, variants and the top-level defaults.</summary>
public sealed class ValidFixtureModelTests
{
    [Fact]
    public void Minimal_file_takes_every_default()
    {
        var model = Parse("minimal.yaml");

        Assert.Null(model.Namespace);
        Assert.Equal("Flags", model.ClassName);
        Assert.Equal("FLAGS_", model.EnvPrefix);
        Assert.Equal("Flags", model.ConfigSection);
        Assert.Equal(BucketingModel.TypedFlags, model.Bucketing);
        Assert.Equal(30, model.StaleAfterDays);
        Assert.Equal(
            new (FlagKindModel, int?)[] { (FlagKindModel.Release, 40), (FlagKindModel.Experiment, 40), (FlagKindModel.Operational, 7), (FlagKindModel.KillSwitch, null), (FlagKindModel.Permission, null) },
            model.Lifetimes.Select(l => (l.Kind, l.Days)));
        Assert.Equal(
            new[] { "stable: production, staging, development", "beta: staging, development", "experimental: development" },
            model.Phases.Select(Describe));
        Assert.Equal(ManifestDefaults.Lifetimes, model.Lifetimes);
        Assert.Equal(ManifestDefaults.Phases, model.Phases);

        var flag = Assert.Single(model.Flags);
        Assert.Equal("dark_mode", flag.Key);
        Assert.Equal("DarkMode", flag.AccessorName);
        Assert.Equal("FLAGS_DARK_MODE", flag.EnvVar);
        Assert.Equal("Dark colour scheme in the web app", flag.Description);
        Assert.Equal(FlagValueType.Bool, flag.Type);
        Assert.Equal(FlagValueModel.FromMode(BoolMode.Off), flag.Default);
        Assert.Null(flag.Phase);
        Assert.Null(flag.RolloutThousandths);
        Assert.Equal(BucketByModel.User, flag.BucketBy);
        Assert.Null(flag.Owner);
        Assert.Equal(FlagKindModel.Release, flag.Kind);
        Assert.Null(flag.Created);
        Assert.Null(flag.Expires);
        Assert.Null(flag.Launched);
        Assert.True(flag.Requires.IsEmpty && flag.Allow.IsEmpty && flag.Deny.IsEmpty && flag.Environments.IsEmpty);
        Assert.True(flag.Schedule.IsEmpty && flag.Variants.IsEmpty && flag.Split.IsEmpty && flag.Metadata.IsEmpty);
    }

    [Fact]
    public void Empty_flags_section_is_a_model_without_flags()
    {
        var model = Parse("empty-flags.yaml");

        Assert.Equal("Contoso.Storefront", model.Namespace);
        Assert.Empty(model.Flags);
    }

    [Fact]
    public void Billing_file_reads_every_top_level_field()
    {
        var model = Parse("billing.yaml");

        Assert.Equal("Contoso.Billing", model.Namespace);
        Assert.Equal("BillingFlags", model.ClassName);
        Assert.Equal("BILLING_", model.EnvPrefix);
        Assert.Equal("Features:Billing", model.ConfigSection);
        Assert.Equal(BucketingModel.Microsoft, model.Bucketing);
        Assert.Equal(42, model.StaleAfterDays);
        Assert.Equal(
            new (FlagKindModel, int?)[] { (FlagKindModel.Release, 56), (FlagKindModel.Experiment, 60), (FlagKindModel.Operational, 14), (FlagKindModel.KillSwitch, null), (FlagKindModel.Permission, 365) },
            model.Lifetimes.Select(l => (l.Kind, l.Days)));
        Assert.Equal(
            new[] { "ga: production, staging, development", "preview: staging, development", "internal: development", "parked: " },
            model.Phases.Select(Describe));
        Assert.Equal(new[] { "invoices.read", "invoices.write", "checkout.layout", "ops.read_only" }, model.Flags.Select(f => f.Key));
    }

    [Fact]
    public void Billing_file_reads_every_field_of_a_bool_flag()
    {
        var flag = Flag(Parse("billing.yaml"), "invoices.write");

        Assert.Equal("InvoicesWrite", flag.AccessorName);
        Assert.Equal("INVOICE_EDITOR", flag.EnvVar);
        Assert.Equal("Create and edit invoices: the new editor", flag.Description);
        Assert.Equal(FlagValueType.Bool, flag.Type);
        Assert.Equal(FlagValueModel.FromMode(BoolMode.Off), flag.Default);
        Assert.Equal("preview", flag.Phase);
        Assert.Equal(12_500, flag.RolloutThousandths);
        Assert.Equal(BucketByModel.Tenant, flag.BucketBy);
        Assert.Equal("billing-team", flag.Owner);
        Assert.Equal(FlagKindModel.Release, flag.Kind);
        Assert.Equal(Utc(2026, 10, 1), flag.Created);
        Assert.Equal(Utc(2027, 1, 31), flag.Expires);
        Assert.Null(flag.Launched);
        Assert.Equal(new[] { "invoices.read" }, flag.Requires);
        Assert.Equal(new[] { "alice", "42", "tenant:acme", "group:beta-testers" }, flag.Allow);
        Assert.Equal(new[] { "tenant:bigcorp" }, flag.Deny);
        Assert.Equal(
            new[] { new EnvironmentValueModel("development", FlagValueModel.FromMode(BoolMode.On)), new EnvironmentValueModel("Staging", FlagValueModel.FromMode(BoolMode.Shadow)) },
            flag.Environments);
        Assert.Equal(
            new[]
            {
                new ScheduleStepModel(Utc(2026, 12, 1), 1_000),
                new ScheduleStepModel(new DateTime(2026, 12, 8, 8, 30, 0, DateTimeKind.Utc), 10_250),
                new ScheduleStepModel(Utc(2027, 1, 5), 100_000),
            },
            flag.Schedule);
        Assert.All(flag.Schedule, s => Assert.Equal(DateTimeKind.Utc, s.AtUtc.Kind));
        Assert.Equal(
            new[] { new MetadataEntryModel("jira", "BILL-42"), new MetadataEntryModel("priority", "2"), new MetadataEntryModel("customer_visible", "true") },
            flag.Metadata);
    }

    [Fact]
    public void Billing_file_reads_a_variant_flag_and_a_kill_switch()
    {
        var model = Parse("billing.yaml");
        var layout = Flag(model, "checkout.layout");
        var readOnly = Flag(model, "ops.read_only");
        var read = Flag(model, "invoices.read");

        Assert.Equal(FlagValueType.Variant, layout.Type);
        Assert.Equal("CheckoutLayout", layout.AccessorName);
        Assert.Equal("BILLING_CHECKOUT_LAYOUT", layout.EnvVar);
        Assert.Equal(new[] { new VariantModel("classic", "Classic"), new VariantModel("compact", "Compact"), new VariantModel("two-column", "TwoColumn") }, layout.Variants);
        Assert.Equal(FlagValueModel.FromVariant("compact"), layout.Default);
        Assert.Equal(new[] { new EnvironmentValueModel("development", FlagValueModel.FromVariant("two-column")) }, layout.Environments);
        Assert.Equal(new[] { new SplitEntryModel("classic", 33_333), new SplitEntryModel("two-column", 1) }, layout.Split);
        Assert.Equal(FlagKindModel.Experiment, layout.Kind);
        Assert.Null(layout.RolloutThousandths);
        Assert.Equal(new[] { new MetadataEntryModel("hypothesis", "Shorter checkout converts better") }, layout.Metadata);

        Assert.Equal(FlagKindModel.KillSwitch, readOnly.Kind);
        Assert.Equal("BILLING_READ_ONLY", readOnly.EnvVar);
        Assert.Equal("OpsReadOnly", readOnly.AccessorName);

        Assert.Equal("ga", read.Phase);
        Assert.Equal(Utc(2026, 8, 15), read.Launched);
        Assert.Equal("BILLING_INVOICES_READ", read.EnvVar);
    }

    [Fact]
    public void Every_type_reads_its_values()
    {
        var model = Parse("every-type.yaml");

        Assert.Equal(FlagValueModel.FromMode(BoolMode.On), Flag(model, "search.instant").Default);
        Assert.Equal(FlagValueModel.FromMode(BoolMode.Shadow), Flag(model, "search.legacy").Default);

        var maxResults = Flag(model, "search.max_results");
        Assert.Equal(FlagValueType.Int, maxResults.Type);
        Assert.Equal(FlagValueModel.FromInt32(-1), maxResults.Default);
        Assert.Equal(new[] { 500, int.MaxValue, int.MinValue }, maxResults.Environments.Select(e => e.Value.Int32));
        Assert.Equal(new[] { "development", "staging", "load-test" }, maxResults.Environments.Select(e => e.Environment));

        var discount = Flag(model, "pricing.discount_rate");
        Assert.Equal(FlagValueType.Double, discount.Type);
        Assert.Equal(0.15, discount.Default.Double);
        Assert.Equal(new[] { 3.0, 0.001, -2.5 }, discount.Environments.Select(e => e.Value.Double));

        var banner = Flag(model, "support.banner_text");
        Assert.Equal(FlagValueModel.FromString("true"), banner.Default);
        Assert.Equal(new[] { "Welcome, developer", "", "All systems operational.\n" }, banner.Environments.Select(e => e.Value.Text));

        Assert.Equal(FlagValueModel.FromString(string.Empty), Flag(model, "support.contact").Default);

        var theme = Flag(model, "ui.theme");
        Assert.Equal(new[] { "Light", "Dark", "HighContrast" }, theme.Variants.Select(v => v.MemberName));
        Assert.Equal(FlagValueModel.FromVariant("light"), theme.Default);
        Assert.Equal(FlagValueModel.FromVariant("high-contrast"), Assert.Single(theme.Environments).Value);
    }

    [Fact]
    public void Anchors_and_aliases_reuse_values()
    {
        var model = Parse("anchors.yaml");

        Assert.Equal(
            new[] { "ga: production, staging, development", "preview: staging, development", "beta: staging, development" },
            model.Phases.Select(Describe));

        var write = Flag(model, "invoices.write");
        var export = Flag(model, "invoices.export");
        foreach (var flag in new[] { write, export })
        {
            Assert.Equal("billing-team", flag.Owner);
            Assert.Equal(new[] { "invoices.read" }, flag.Requires);
            Assert.Equal(new[] { "group:beta-testers", "tenant:acme" }, flag.Allow);
            Assert.Equal(new[] { new EnvironmentValueModel("development", FlagValueModel.FromMode(BoolMode.On)) }, flag.Environments);
        }

        var december = new[] { new ScheduleStepModel(Utc(2026, 12, 1), 5_000), new ScheduleStepModel(Utc(2026, 12, 15), 50_000) };
        Assert.Equal(december, export.Schedule);

        // A whole flag aliased under another key: same declaration, names derived from the new key.
        var sepa = Flag(model, "payments.sepa");
        var b2b = Flag(model, "payments.sepa_b2b");
        Assert.Equal(december, sepa.Schedule);
        Assert.Equal("PaymentsSepaB2b", b2b.AccessorName);
        Assert.Equal("FLAGS_PAYMENTS_SEPA_B2B", b2b.EnvVar);
        Assert.Equal(sepa with { Key = b2b.Key, AccessorName = b2b.AccessorName, EnvVar = b2b.EnvVar }, b2b);
    }

    [Fact]
    public void Keys_in_every_style_get_pascal_case_accessors_and_upper_snake_variables()
    {
        var model = Parse("naming.yaml");

        var expected = new[]
        {
            ("sessionPersistence.phase2.enhancedStorage", "SessionPersistencePhase2EnhancedStorage", "VITE_SESSION_PERSISTENCE_PHASE2_ENHANCED_STORAGE"),
            ("unified_workflow_read", "UnifiedWorkflowRead", "VITE_UNIFIED_WORKFLOW_READ"),
            ("v0.templates", "V0Templates", "VITE_V0_TEMPLATES"),
            ("personas_v2", "PersonasV2", "VITE_PERSONAS_V2"),
            ("checkout-v2.one-click", "CheckoutV2OneClick", "VITE_CHECKOUT_V2_ONE_CLICK"),
            ("HTTP2.push", "HTTP2Push", "VITE_HTTP2_PUSH"),
            ("apiV2Enabled", "ApiV2Enabled", "VITE_API_V2_ENABLED"),
            ("x", "X", "VITE_X"),
            ("ops.read_only", "OpsReadOnly", "BILLING_READ_ONLY"),
        };
        Assert.Equal(expected, model.Flags.Select(f => (f.Key, f.AccessorName, f.EnvVar)));
    }

    [Fact]
    public void Default_phases_apply_when_the_file_declares_none()
    {
        var model = Parse("default-phases.yaml");

        Assert.Equal(ManifestDefaults.Phases, model.Phases);
        Assert.Equal(new[] { "stable", "beta", "experimental" }, model.Flags.Select(f => f.Phase!));
        Assert.Equal(100, Flag(model, "reports.ai_summary").RolloutThousandths);
    }

    [Fact]
    public void Bom_and_crlf_file_reads_like_any_other_with_locations_on_the_right_lines()
    {
        var fixture = ManifestFixture.Valid("crlf-bom.yaml");
        var result = ManifestParser.ParseBytes(fixture.Bytes);
        var model = result.Model!;

        Assert.Equal("Contoso.Desktop", model.Namespace);
        Assert.Equal(25_000, Flag(model, "sync.offline").RolloutThousandths);
        var conflicts = Flag(model, "sync.conflicts");
        Assert.Equal("Conflict resolution dialog, caf\u00e9 edition \u2615", conflicts.Description);
        Assert.Equal(new[] { "Ask", "KeepLocal", "KeepRemote" }, conflicts.Variants.Select(v => v.MemberName));
        Assert.Equal(new[] { new MetadataEntryModel("note", "CRLF everywhere") }, conflicts.Metadata);

        var offline = result.Locations.Single(l => l.Key == "sync.offline").Span;
        var conflictsAt = result.Locations.Single(l => l.Key == "sync.conflicts").Span;
        Assert.Equal((6, 3), (offline.StartLine, offline.StartColumn));
        Assert.Equal((10, 3), (conflictsAt.StartLine, conflictsAt.StartColumn));
        Assert.Equal(fixture.Text.IndexOf("sync.offline:", StringComparison.Ordinal), offline.Start);
        Assert.Equal(fixture.Text.IndexOf("sync.conflicts:", StringComparison.Ordinal), conflictsAt.Start);

        // The same document with LF line endings and no byte order mark reads into an equal model.
        var plain = ManifestParser.Parse(fixture.Text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(model, plain.Model);
    }

    private static ManifestModel Parse(string name)
    {
        var result = ManifestParser.ParseBytes(ManifestFixture.Valid(name).Bytes);
        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    private static FlagModel Flag(ManifestModel model, string key) => model.Flags.Single(f => f.Key == key);

    private static string Describe(PhaseModel phase) => phase.Name + ": " + string.Join(", ", phase.Environments);

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);
}
