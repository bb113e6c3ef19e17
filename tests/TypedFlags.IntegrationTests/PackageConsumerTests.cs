using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>A fresh project that does `dotnet add package TypedFlags` gets typed flags, and a broken flags.yaml fails its build at the right line.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageConsumerTests
{
    private const string Manifest = """
        version: 1
        class: ShopFlags
        env_prefix: VITE_
        flags:
          checkout.express:
            description: One-click express checkout
            phase: stable
          search_v2:
            description: New search backend
            phase: beta
          reviews.photos:
            description: Photos in product reviews
            rollout: 100
            requires: [checkout.express]
          banner.text:
            description: Banner text
            type: string
            default: "Welcome"
            environments: { staging: "Staging!" }
          cart.layout:
            description: Cart layout
            type: variant
            variants: [list, grid]
            default: grid
          vip.lounge:
            description: VIP lounge
            targeting:
              allow: [alice]
        """;

    private const string Program = """
        using Consumer.App;   // no namespace in flags.yaml: the project's RootNamespace
        using TypedFlags;

        foreach (var environment in new[] { "Production", "Staging" })
        {
            var flags = ShopFlags.Create(options: new FlagOptions { EnvironmentName = environment });
            Console.WriteLine($"{environment} {ShopFlags.Keys.CheckoutExpress}={flags.CheckoutExpress.IsEnabled}");
            Console.WriteLine($"{environment} search_v2={flags.SearchV2.Evaluate(default).Value}/{flags.SearchV2.Evaluate(default).Reason}");
            Console.WriteLine($"{environment} reviews.photos={flags.ReviewsPhotos.IsEnabledFor("bob")}");
            Console.WriteLine($"{environment} banner.text={flags.BannerText.Value}");
            Console.WriteLine($"{environment} cart.layout={flags.CartLayout.Value}");
            Console.WriteLine($"{environment} vip.lounge alice={flags.VipLounge.IsEnabledFor("alice")} bob={flags.VipLounge.IsEnabledFor("bob")}");
        }

        var fake = ShopFlags.ForTesting(o => o.SearchV2 = true);
        Console.WriteLine($"fake search_v2={fake.SearchV2.IsEnabled}");
        """;

    private readonly PackageFeedFixture _feed;

    public PackageConsumerTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public void The_package_has_the_runtime_the_compiler_extensions_and_the_build_files()
    {
        using var package = ZipFile.OpenRead(_feed.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("lib/netstandard2.0/TypedFlags.dll", entries);
        Assert.Contains("lib/net8.0/TypedFlags.dll", entries);
        Assert.Contains("lib/net8.0/TypedFlags.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/TypedFlags.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/TypedFlags.Manifest.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        Assert.Contains("buildTransitive/TypedFlags.props", entries);
        Assert.Contains("buildTransitive/TypedFlags.targets", entries);

        using var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.DoesNotContain("YamlDotNet", text);
        Assert.DoesNotContain("Microsoft.CodeAnalysis", text);

        // The flag store backends are separate packages (SPEC §1): an app without a store pulls in no database client.
        Assert.DoesNotContain("Sqlite", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Npgsql", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_generic_host_consumer_gets_overrides_from_appsettings_the_environment_file_and_variables()
    {
        const string hostProgram = """
            using Consumer.App;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using TypedFlags;

            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddTypedFlags<ShopFlags>();
            using var host = builder.Build();
            var flags = host.Services.GetRequiredService<ShopFlags>();
            foreach (var evaluation in new[] { flags.CheckoutExpress.Evaluate("bob"), flags.SearchV2.Evaluate("bob"), flags.VipLounge.Evaluate("bob"), flags.VipLounge.Evaluate("alice") })
            {
                Console.WriteLine($"{evaluation.Key}={evaluation.Mode}/{evaluation.Reason}/{evaluation.Source}");
            }

            var banner = flags.BannerText.Evaluate(default);
            Console.WriteLine($"{banner.Key}={banner.Value}/{banner.Reason}/{banner.Source}");
            Console.WriteLine($"cart.layout={flags.CartLayout.Value}");
            """;
        var project = _feed.CreateConsumer(
            "HostConsumer",
            Manifest,
            hostProgram,
            "<Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>",
            extraItems: """
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.14" />
                <None Update="appsettings*.json" CopyToOutputDirectory="PreserveNewest" />
                """);
        File.WriteAllText(Path.Combine(project, "appsettings.json"), """
            { "Flags": { "checkout.express": "kill", "vip.lounge": { "Value": "on", "Deny": [ "alice" ] }, "cart.layout": "sideways" } }
            """);
        File.WriteAllText(Path.Combine(project, "appsettings.Staging.json"), """
            { "Flags": { "banner.text": "From the staging file" } }
            """);

        var build = DotNetCli.Run(project, "build", "-c", "Debug");
        Assert.True(build.ExitCode == 0, build.ToString());

        var run = DotNetCli.RunProgram("dotnet", project, TimeSpan.FromMinutes(2), new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Staging",
            ["ASPNETCORE_ENVIRONMENT"] = null,
            ["VITE_SEARCH_V2"] = "off",
        }, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        var output = run.Output.Replace("\r", string.Empty);
        Assert.Contains("checkout.express=Off/Killed/config:Flags:checkout.express\n", output);
        Assert.Contains("search_v2=Off/Override/env:VITE_SEARCH_V2\n", output);
        Assert.Contains("vip.lounge=On/Override/config:Flags:vip.lounge:Value\n", output);
        Assert.Contains("vip.lounge=Off/TargetingMatch/config:Flags:vip.lounge:Deny\n", output);
        Assert.Contains("banner.text=From the staging file/Override/config:Flags:banner.text\n", output);

        // The bad variant name is a logged warning through the host's console logger, and the declared value stays.
        Assert.Contains("cart.layout=Grid", output);
        Assert.Contains("Override 'config:Flags:cart.layout' has value 'sideways', which is not valid for variant flag 'cart.layout'; accepted: one of list, grid (case-insensitive)", output);
    }

    [Fact]
    public void A_fresh_consumer_builds_and_runs_with_typed_flags()
    {
        var project = _feed.CreateConsumer("HappyConsumer", Manifest, Program, "<Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>");

        var build = DotNetCli.Run(project, "build", "-c", "Debug");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("warning TF", build.Output);
        Assert.DoesNotContain("CS8785", build.Output);

        var run = DotNetCli.Run(project, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Replace("\r", string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            new[]
            {
                "Production checkout.express=True",
                "Production search_v2=False/Phase",
                "Production reviews.photos=True",
                "Production banner.text=Welcome",
                "Production cart.layout=Grid",
                "Production vip.lounge alice=True bob=False",
                "Staging checkout.express=True",
                "Staging search_v2=True/Phase",
                "Staging reviews.photos=True",
                "Staging banner.text=Staging!",
                "Staging cart.layout=Grid",
                "Staging vip.lounge alice=True bob=False",
                "fake search_v2=True",
            },
            lines);
    }

    [Fact]
    public void A_broken_flags_yaml_fails_the_build_at_its_line_and_column()
    {
        var broken = Manifest.Replace("rollout: 100", "rollout: 150").Replace("phase: beta", "phase: betta");
        var project = _feed.CreateConsumer("BrokenConsumer", broken, "System.Console.WriteLine(\"unreachable\");");

        var build = DotNetCli.Run(project, "build", "-c", "Debug");

        Assert.NotEqual(0, build.ExitCode);
        Assert.DoesNotContain("CS8785", build.Output);
        Assert.Matches(new Regex(@"flags\.yaml\(10,12\): error TF0008: Flag 'search_v2' uses phase 'betta'.*did you mean 'beta'\?"), build.Output);
        Assert.Matches(new Regex(@"flags\.yaml\(13,14\): error TF0006: 'rollout' is out of range"), build.Output);
    }

    [Fact]
    public void A_netstandard2_0_library_on_csharp_7_3_builds_without_warnings()
    {
        const string library = """
            namespace Shop.Library
            {
                public static class Gate
                {
                    public static bool CanReview(string user) => Consumer.App.ShopFlags.Create().ReviewsPhotos.IsEnabledFor(user);
                }
            }
            """;
        var project = _feed.CreateConsumer("LibraryConsumer", Manifest, library, "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", "netstandard2.0", "Library");

        var build = DotNetCli.Run(project, "build", "-c", "Debug");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain(": warning ", build.Output);
    }
}
