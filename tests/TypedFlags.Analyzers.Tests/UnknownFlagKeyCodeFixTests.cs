using System.Linq;
using System.Threading.Tasks;
using TypedFlags.Analyzers.Tests.Infrastructure;
using TypedFlags.CodeFixes;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

public sealed class UnknownFlagKeyCodeFixTests
{
    private const string Source = """
        using Microsoft.FeatureManagement;

        public static class Uses
        {
            public static System.Threading.Tasks.Task<bool> A(IFeatureManager f) => f.IsEnabledAsync("beta.baner");
        }
        """;

    [Fact]
    public async Task Offers_the_closest_key_as_a_string_and_as_the_generated_constant()
    {
        using var workspace = new FixWorkspace(new ConsumerProject(Manifests.Standard, Source));
        var diagnostic = Assert.Single(await workspace.DiagnosticsAsync(workspace.Project, "TF1001"));

        var actions = await workspace.ActionsAsync(new UnknownFlagKeyCodeFixProvider(), diagnostic);

        Assert.Equal(new[] { "Use 'beta.banner'", "Use Flags.Keys.BetaBanner" }, actions.Select(a => a.Title));
        Assert.Equal(Source.Replace("\"beta.baner\"", "\"beta.banner\""), await FixWorkspace.TextAsync(await FixWorkspace.ApplyAsync(actions[0]), 0));
        var withConstant = await FixWorkspace.ApplyAsync(actions[1]);
        Assert.Equal(Source.Replace("\"beta.baner\"", "Consumer.Flags.Keys.BetaBanner"), await FixWorkspace.TextAsync(withConstant, 0));
        Assert.Empty(await FixWorkspace.ErrorsAsync(withConstant));
    }

    [Fact]
    public async Task Offers_nothing_when_no_declared_key_is_close()
    {
        using var workspace = new FixWorkspace(new ConsumerProject(Manifests.Standard, Source.Replace("beta.baner", "zzzzzzzzzz")));
        var diagnostic = Assert.Single(await workspace.DiagnosticsAsync(workspace.Project, "TF1001"));

        Assert.Empty(await workspace.ActionsAsync(new UnknownFlagKeyCodeFixProvider(), diagnostic));
    }
}
