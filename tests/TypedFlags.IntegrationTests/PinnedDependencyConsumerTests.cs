using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// The package asks for no newer Microsoft.Extensions.* than .NET 8 apps have: an app that pins 8.0.x restores
/// without NU1605 and keeps 8.0.x, and an ASP.NET Core 8 app takes them from its shared framework, not app-local copies.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PinnedDependencyConsumerTests
{
    private const string Manifest = """
        version: 1
        class: PinnedFlags
        flags:
          checkout.express:
            description: One-click express checkout
            phase: stable
          banner.text:
            description: Banner text
            type: string
            default: "Welcome"
        """;

    // What a .NET 8 app that pins its Microsoft.Extensions packages at 8.0.x references, next to TypedFlags.
    private const string PinnedPackages = """
        <PackageReference Include="Microsoft.Extensions.Hosting" Version="8.0.0" />
        <PackageReference Include="Microsoft.Extensions.Hosting.Abstractions" Version="8.0.0" />
        <PackageReference Include="Microsoft.Extensions.Configuration" Version="8.0.0" />
        <PackageReference Include="Microsoft.Extensions.Configuration.Abstractions" Version="8.0.0" />
        <PackageReference Include="Microsoft.Extensions.Configuration.Json" Version="8.0.0" />
        <PackageReference Include="Microsoft.Extensions.DependencyInjection.Abstractions" Version="8.0.0" />
        <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="8.0.0" />
        """;

    private readonly PackageFeedFixture _feed;

    public PinnedDependencyConsumerTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public void A_net8_app_pinning_Microsoft_Extensions_8_0_builds_without_NU1605_keeps_8_0_and_runs()
    {
        const string program = """
            using Consumer.App;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using TypedFlags;

            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddTypedFlags<PinnedFlags>();
            using var host = builder.Build();
            var flags = host.Services.GetRequiredService<PinnedFlags>();
            var express = flags.CheckoutExpress.Evaluate(default);
            Console.WriteLine($"{express.Key}={express.Mode}/{express.Reason}/{express.Source}");
            Console.WriteLine($"banner.text={flags.BannerText.Value}");
            """;
        var project = _feed.CreateConsumer(
            "PinnedNet8Consumer",
            Manifest,
            program,
            // Only the .NET 10 runtime may be installed where the tests run: let the net8.0 app run on it.
            "<Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings><RollForward>Major</RollForward>",
            targetFramework: "net8.0",
            extraItems: PinnedPackages + """
                <None Update="appsettings.json" CopyToOutputDirectory="PreserveNewest" />
                """);
        File.WriteAllText(Path.Combine(project, "appsettings.json"), """
            { "Flags": { "checkout.express": "kill", "banner.text": "From appsettings" } }
            """);

        var build = DotNetCli.Run(project, "build", "-c", "Debug");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("NU1605", build.Output);
        Assert.DoesNotContain("NU1608", build.Output);

        // Nothing lifted a Microsoft.Extensions package past 8.0: TypedFlags asks for no more than the app pins.
        var resolved = ResolvedPackages(project).Where(p => p.Id.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)).ToList();
        Assert.Contains(resolved, p => p.Id == "Microsoft.Extensions.Configuration.Abstractions");
        var newer = resolved.Where(p => !p.Version.StartsWith("8.0.", StringComparison.Ordinal)).Select(p => p.Id + " " + p.Version).ToList();
        Assert.True(newer.Count == 0, "Resolved past 8.0: " + string.Join(", ", newer));

        var run = DotNetCli.RunProgram("dotnet", project, TimeSpan.FromMinutes(2), new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = null,
        }, "run", "--no-build");
        Assert.True(run.ExitCode == 0, run.ToString());
        var output = run.Output.Replace("\r", string.Empty);
        Assert.Contains("checkout.express=Off/Killed/config:Flags:checkout.express\n", output);
        Assert.Contains("banner.text=From appsettings\n", output);
    }

    [Fact]
    public void An_ASP_NET_Core_8_app_takes_Microsoft_Extensions_from_its_shared_framework_not_app_local_copies()
    {
        const string program = """
            using Consumer.App;
            using TypedFlags;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddTypedFlags<PinnedFlags>();
            var app = builder.Build();
            app.MapGet("/", (PinnedFlags flags) => flags.BannerText.Value);
            """;
        var project = _feed.CreateConsumer(
            "AspNetCore8Consumer",
            Manifest,
            program,
            "<Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>",
            targetFramework: "net8.0",
            sdk: "Microsoft.NET.Sdk.Web");

        var build = DotNetCli.Run(project, "build", "-c", "Debug");
        Assert.True(build.ExitCode == 0, build.ToString());

        // Package assets newer than the shared framework's would be copied next to the app and win over it.
        var output = Path.Combine(project, "bin", "Debug", "net8.0");
        Assert.True(File.Exists(Path.Combine(output, "TypedFlags.dll")), "TypedFlags.dll not in " + output);
        var appLocal = Directory.GetFiles(output, "Microsoft.Extensions.*.dll").Select(Path.GetFileName).ToList();
        Assert.True(appLocal.Count == 0, "App-local copies of shared-framework assemblies: " + string.Join(", ", appLocal));
    }

    /// <summary>The packages restore resolved for the project's one target framework, from obj/project.assets.json.</summary>
    private static IEnumerable<(string Id, string Version)> ResolvedPackages(string project)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(project, "obj", "project.assets.json")));
        var target = assets.RootElement.GetProperty("targets").EnumerateObject().Single();
        foreach (var library in target.Value.EnumerateObject())
        {
            if (library.Value.GetProperty("type").GetString() != "package")
            {
                continue;
            }

            var slash = library.Name.IndexOf('/');
            yield return (library.Name.Substring(0, slash), library.Name.Substring(slash + 1));
        }
    }
}
