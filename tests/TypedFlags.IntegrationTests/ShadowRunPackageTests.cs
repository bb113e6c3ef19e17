using System;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// Shadow runs from the packed package, through the generated accessors: an app on net10.0 (the net8.0 assets) runs
/// each mode, and a netstandard2.0 library compiles the asynchronous form against the netstandard2.0 assets.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ShadowRunPackageTests
{
    private const string Manifest = """
        version: 1
        class: BillingFlags
        flags:
          invoices.v2:
            description: New invoice engine, in shadow
            default: shadow
          pricing.v2:
            description: New pricing, on for alice
            targeting:
              allow: [alice]
        """;

    private const string Program = """
        using Consumer.App;
        using TypedFlags;

        var observer = new Printer();
        var flags = BillingFlags.Create(options: new FlagOptions { Shadow = { Observers = { observer } } });

        var total = flags.InvoicesV2.Run("bob", 3, static lines => lines * 10m, static (lines, run) => run.IsShadow ? lines * 10.5m : -1m);
        Console.WriteLine($"shadow returned {total}");
        var answer = await flags.InvoicesV2.RunAsync<string>("bob", () => new ValueTask<string>("v1"), _ => throw new InvalidOperationException("v2 bug"));
        Console.WriteLine($"shadow async returned {answer}");
        Console.WriteLine($"alice gets {flags.PricingV2.Run("alice", () => "old price", run => run.IsShadow ? "dry" : "new price")}");
        Console.WriteLine($"bob gets {flags.For("bob").PricingV2.Run(() => "old price", _ => "new price")}");

        sealed class Printer : IShadowRunObserver
        {
            public void OnShadowRun(ShadowResult result) =>
                Console.WriteLine($"observed {result.Key} {result.Outcome} control={result.ControlValue} candidate={result.CandidateValue} error={result.CandidateException?.Message}");
        }
        """;

    private const string Library = """
        using System.Threading.Tasks;
        using TypedFlags;

        namespace Consumer.App;

        public static class Invoicing
        {
            public static ValueTask<decimal> TotalAsync(BillingFlags flags, string customer, int lines) =>
                flags.InvoicesV2.RunAsync(customer, lines, static n => new ValueTask<decimal>(n * 10m), static (n, run) => new ValueTask<decimal>(run.IsShadow ? n * 10m : 0m));
        }
        """;

    private readonly PackageFeedFixture _feed;

    public ShadowRunPackageTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public void An_app_runs_control_candidate_or_both_by_the_flags_mode_through_the_generated_accessors()
    {
        var project = _feed.CreateConsumer("ShadowConsumer", Manifest, Program, "<Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>");

        var build = DotNetCli.Run(project, "build", "-c", "Debug");
        Assert.True(build.ExitCode == 0, build.ToString());

        var run = DotNetCli.Run(project, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            new[]
            {
                "observed invoices.v2 Mismatch control=30 candidate=31.5 error=",
                "shadow returned 30",
                "observed invoices.v2 CandidateFailed control=v1 candidate= error=v2 bug",
                "shadow async returned v1",
                "alice gets new price",
                "bob gets old price",
            },
            run.Output.Replace("\r", string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_netstandard2_0_library_compiles_the_async_form()
    {
        var project = _feed.CreateConsumer("ShadowLibrary", Manifest, Library, "<Nullable>enable</Nullable><LangVersion>latest</LangVersion>", targetFramework: "netstandard2.0", outputType: "Library");

        var build = DotNetCli.Run(project, "build", "-c", "Debug");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("warning CS", build.Output, StringComparison.Ordinal);
    }
}
