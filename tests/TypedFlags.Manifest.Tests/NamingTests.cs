using TypedFlags.Manifest.Naming;
using Xunit;

namespace TypedFlags.Manifest.Tests;

/// <summary>The key grammar and the names derived from a key (SPEC §2).</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("sessionPersistence.phase2.enhancedStorage", "SessionPersistencePhase2EnhancedStorage")]
    [InlineData("unified_workflow_read", "UnifiedWorkflowRead")]
    [InlineData("invoices.write", "InvoicesWrite")]
    [InlineData("v0.templates", "V0Templates")]
    [InlineData("personas_v2", "PersonasV2")]
    [InlineData("checkout-v2.one-click", "CheckoutV2OneClick")]
    [InlineData("HTTP2.push", "HTTP2Push")]
    [InlineData("x", "X")]
    public void PascalCase_capitalises_each_segment_and_keeps_inner_humps(string key, string accessor)
    {
        Assert.Equal(accessor, FlagNaming.ToPascalCase(key));
    }

    [Theory]
    [InlineData("VITE_", "unified_workflow_read", "VITE_UNIFIED_WORKFLOW_READ")]
    [InlineData("FLAGS_", "invoices.write", "FLAGS_INVOICES_WRITE")]
    [InlineData("FLAGS_", "sessionPersistence.phase2.enhancedStorage", "FLAGS_SESSION_PERSISTENCE_PHASE2_ENHANCED_STORAGE")]
    [InlineData("FLAGS_", "v0.templates", "FLAGS_V0_TEMPLATES")]
    [InlineData("FLAGS_", "personas_v2", "FLAGS_PERSONAS_V2")]
    [InlineData("FLAGS_", "apiV2Enabled", "FLAGS_API_V2_ENABLED")]
    [InlineData("FLAGS_", "HTTP2.push", "FLAGS_HTTP2_PUSH")]
    [InlineData("FLAGS_", "checkout-v2.one-click", "FLAGS_CHECKOUT_V2_ONE_CLICK")]
    [InlineData("", "dark_mode", "DARK_MODE")]
    public void Environment_variable_is_the_prefix_plus_upper_snake(string prefix, string key, string variable)
    {
        Assert.Equal(variable, FlagNaming.ToEnvVar(prefix, key));
    }

    [Theory]
    [InlineData("invoices.write")]
    [InlineData("personas_v2")]
    [InlineData("sessionPersistence.phase2.enhancedStorage")]
    [InlineData("v0.templates")]
    [InlineData("checkout-v2.one-click")]
    [InlineData("a")]
    [InlineData("A1.b2-c3_d4")]
    public void Key_grammar_accepts_letters_digits_and_single_separators(string key)
    {
        Assert.True(FlagNaming.IsValidKey(key));
        Assert.Null(FlagNaming.DescribeKeyError(key));
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("2fa", "it must start with a letter")]
    [InlineData("_private", "it must start with a letter")]
    [InlineData(".hidden", "it must start with a letter")]
    [InlineData("invoices..write", "separators must be single, between segments")]
    [InlineData("invoices._write", "separators must be single, between segments")]
    [InlineData("invoices.", "it must not end with a separator")]
    [InlineData("billing:invoices", "':' is the configuration path separator and cannot appear in a key")]
    [InlineData("early access", "character ' ' is not allowed")]
    [InlineData("caf\u00e9", "character '\u00e9' is not allowed")]
    [InlineData("a/b", "character '/' is not allowed")]
    public void Key_grammar_explains_what_is_wrong(string key, string reason)
    {
        Assert.False(FlagNaming.IsValidKey(key));
        Assert.StartsWith(reason, FlagNaming.DescribeKeyError(key));
    }

    [Theory]
    [InlineData("Flags", true)]
    [InlineData("_flags", true)]
    [InlineData("AppFlags2", true)]
    [InlineData("2Flags", false)]
    [InlineData("class", false)]
    [InlineData("Class", true)]
    [InlineData("var", true)]
    [InlineData("App-Flags", false)]
    [InlineData("Caf\u00e9", false)]
    [InlineData("", false)]
    public void Class_name_is_an_ascii_identifier_that_is_not_a_keyword(string name, bool valid)
    {
        Assert.Equal(valid, FlagNaming.IsValidIdentifier(name));
    }

    [Theory]
    [InlineData("Contoso.Billing", true)]
    [InlineData("Contoso", true)]
    [InlineData("Contoso.Billing.event", false)]
    [InlineData("Contoso..Billing", false)]
    [InlineData("Contoso.", false)]
    [InlineData(".Contoso", false)]
    [InlineData("Contoso.2Billing", false)]
    public void Namespace_is_dot_separated_identifiers(string name, bool valid)
    {
        Assert.Equal(valid, FlagNaming.IsValidNamespace(name));
    }

    [Theory]
    [InlineData("VITE_INVOICES_WRITE", true)]
    [InlineData("_X", true)]
    [InlineData("lower_case", true)]
    [InlineData("1READ_ONLY", false)]
    [InlineData("BILLING-READ", false)]
    [InlineData("A B", false)]
    [InlineData("", false)]
    public void Environment_variable_names_are_portable(string name, bool valid)
    {
        Assert.Equal(valid, FlagNaming.IsValidEnvVar(name));
    }

    [Fact]
    public void An_empty_prefix_is_allowed_but_an_empty_variable_is_not()
    {
        Assert.True(FlagNaming.IsValidEnvVar(string.Empty, allowEmpty: true));
        Assert.False(FlagNaming.IsValidEnvVar(string.Empty));
    }
}
