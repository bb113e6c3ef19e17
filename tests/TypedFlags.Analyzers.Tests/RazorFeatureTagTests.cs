using System.Linq;
using System.Threading.Tasks;
using TypedFlags.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

/// <summary>
/// <c>&lt;feature name="..."&gt;</c> in a Razor page: the analyzers see the C# the Razor source generator writes for it
/// (reproduced here in the shape Razor for .NET 8 to 10 emits, with stand-ins for the two framework types), check every
/// name (TF1001, reported at the attribute in the .cshtml) and count it as a use (no TF1104).
/// </summary>
public sealed class RazorFeatureTagTests
{
    private const string Manifest = """
        version: 1
        flags:
          home:
            description: Home page
            hash_name: Home
            created: 2026-11-01
          beta:
            description: Beta
            created: 2026-11-01
          unused:
            description: Nobody reads it
            created: 2026-11-01
        """;

    private const string Page = """
        @page "/page"
        @addTagHelper *, Microsoft.FeatureManagement.AspNetCore
        <feature name="Home">home</feature>
        <feature name="beta, Bta" requirement="Any">beta</feature>
        <feature name="Home" negate="true">no home</feature>
        """;

    // What the Razor source generator emits for the page above (abridged to the tag helper parts).
    private const string Generated = """
        #pragma checksum "/project/Pages/Home.cshtml" "{8829d00f-11b8-4213-878b-770e8597ac16}" "0"
        namespace AspNetCoreGeneratedDocument
        {
            #line default
            #line hidden
            internal sealed class Pages_Home
            {
                private static readonly global::Microsoft.AspNetCore.Razor.TagHelpers.TagHelperAttribute __tagHelperAttribute_0 = new global::Microsoft.AspNetCore.Razor.TagHelpers.TagHelperAttribute("name", "Home", global::Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeValueStyle.DoubleQuotes);
                private static readonly global::Microsoft.AspNetCore.Razor.TagHelpers.TagHelperAttribute __tagHelperAttribute_1 = new global::Microsoft.AspNetCore.Razor.TagHelpers.TagHelperAttribute("name", "beta, Bta", global::Microsoft.AspNetCore.Razor.TagHelpers.HtmlAttributeValueStyle.DoubleQuotes);
                private global::Microsoft.FeatureManagement.Mvc.TagHelpers.FeatureTagHelper __Microsoft_FeatureManagement_Mvc_TagHelpers_FeatureTagHelper;
                public void ExecuteAsync()
                {
                    __Microsoft_FeatureManagement_Mvc_TagHelpers_FeatureTagHelper = new global::Microsoft.FeatureManagement.Mvc.TagHelpers.FeatureTagHelper();
                    __Microsoft_FeatureManagement_Mvc_TagHelpers_FeatureTagHelper.Name = (string)__tagHelperAttribute_0.Value;
                    __Microsoft_FeatureManagement_Mvc_TagHelpers_FeatureTagHelper.Name = (string)__tagHelperAttribute_1.Value;
                    __Microsoft_FeatureManagement_Mvc_TagHelpers_FeatureTagHelper.Name = (string)__tagHelperAttribute_0.Value;
                    __Microsoft_FeatureManagement_Mvc_TagHelpers_FeatureTagHelper.Negate =
        #line (5,31)-(5,35) "/project/Pages/Home.cshtml"
                    true
        #line default
        #line hidden
                    ;
                }
            }
        }
        """;

    private const string Stand_ins = """
        namespace Microsoft.AspNetCore.Razor.TagHelpers
        {
            public enum HtmlAttributeValueStyle { DoubleQuotes }
            public sealed class TagHelperAttribute
            {
                public TagHelperAttribute(string name, object value, HtmlAttributeValueStyle style) => Value = value;
                public object Value { get; }
            }
        }

        namespace Microsoft.FeatureManagement.Mvc.TagHelpers
        {
            public sealed class FeatureTagHelper
            {
                public string Name { get; set; } = "";
                public bool Negate { get; set; }
            }
        }
        """;

    [Fact]
    public async Task Feature_tag_names_are_checked_at_the_attribute_and_count_as_uses()
    {
        var project = new ConsumerProject(Manifest, Generated, Stand_ins);
        project.AppSettings["Pages/Home.cshtml"] = Page;

        var diagnostics = (await project.DiagnosticsAsync()).Where(d => d.Id is "TF1001" or "TF1104").ToList();

        // "Bta" is unknown, at its place in the .cshtml (line 4, column 22); home (by its hash_name) and beta are used,
        // and only the flag nothing reads is unused.
        Assert.Equal(
            new[] { "TF1001 /project/Pages/Home.cshtml(4,22): 'Bta' is not a flag declared in flags.yaml; did you mean 'beta'?", "TF1104 unused" },
            diagnostics.Select(d => d.Id == "TF1104"
                ? "TF1104 " + string.Join(",", d.GetMessage().Split('\'').Skip(1).Take(1))
                : $"{d.Id} {d.Location.GetLineSpan().Path}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): {d.GetMessage()}"));
    }
}
