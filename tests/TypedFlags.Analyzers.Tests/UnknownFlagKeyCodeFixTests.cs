using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TypedFlags.Analyzers.Tests.Infrastructure;
using TypedFlags.CodeFixes;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

// The framework applies each offered action (by index, with its title checked), runs Fix All in document, project
// and solution, and compiles the result.
public sealed class UnknownFlagKeyCodeFixTests
{
    private const string Source = """
        using Microsoft.FeatureManagement;

        public static class Uses
        {
            public static System.Threading.Tasks.Task<bool> A(IFeatureManager f) => f.IsEnabledAsync(KEY);
        }
        """;

    [Theory]
    [InlineData(0, "Use 'beta.banner'", "\"beta.banner\"")]
    // The constant stays fully qualified here: the framework runs the generator for its own compilations, but the
    // document's compilation inside the code action does not hold the generated class (checked: GetTypeByMetadataName
    // returns null there), so Simplifier.ReduceAsync cannot bind the name and leaves global:: on it. The IDE's
    // compilation holds generated documents; the hand-written harness, which added the class as an ordinary document,
    // saw "Consumer.Flags.Keys.BetaBanner".
    [InlineData(1, "Use Flags.Keys.BetaBanner", "global::Consumer.Flags.Keys.BetaBanner")]
    public async Task Offers_the_closest_key_as_a_string_and_as_the_generated_constant(int index, string title, string replacement)
    {
        var test = Tf1001(Source.Replace("KEY", "{|TF1001:\"beta.baner\"|}"));
        test.CodeActionIndex = index;
        test.CodeActionVerifier = (action, verifier) => verifier.Equal(title, action.Title);
        test.Fixed(Source.Replace("KEY", replacement));

        await test.RunAsync();
    }

    [Fact]
    public async Task Offers_nothing_when_no_declared_key_is_close()
    {
        // Fixed state equal to the test state: the framework checks that no code action is offered.
        var source = Source.Replace("KEY", "{|TF1001:\"zzzzzzzzzz\"|}");
        var test = Tf1001(source);
        test.Fixed(source);

        await test.RunAsync();
    }

    private static CodeFixVerifierTest<UnknownFlagKeyCodeFixProvider> Tf1001(string source)
    {
        var test = new CodeFixVerifierTest<UnknownFlagKeyCodeFixProvider>(Manifests.Standard, source);
        test.ReportOnly.Add("TF1001");
        return test;
    }
}
