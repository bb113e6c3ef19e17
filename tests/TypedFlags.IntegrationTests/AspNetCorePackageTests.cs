using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// The packed TypedFlags.AspNetCore: one dependency, on TypedFlags of the same version, nothing added to TypedFlags;
/// and a web app that references only it gets the generator and analyzers through TypedFlags and builds.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class AspNetCorePackageTests
{
    private readonly PackageFeedFixture _feed;

    public AspNetCorePackageTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public void The_package_depends_on_TypedFlags_alone_and_a_web_app_referencing_only_it_builds_with_the_generator()
    {
        var package = _feed.Pack("TypedFlags.AspNetCore");

        using (var zip = ZipFile.OpenRead(package))
        {
            var nuspec = Nuspec(zip);
            var ns = nuspec.Root!.Name.Namespace;
            var group = Assert.Single(nuspec.Descendants(ns + "dependencies").Elements(ns + "group"));
            Assert.Equal("net8.0", group.Attribute("targetFramework")?.Value);
            var dependency = Assert.Single(group.Elements());
            Assert.Equal(("TypedFlags", _feed.Version), (dependency.Attribute("id")?.Value, dependency.Attribute("version")?.Value));

            // Nothing excluded: the generator, the analyzers and buildTransitive/ of TypedFlags reach the app.
            Assert.Null(dependency.Attribute("exclude"));
            var frameworkReference = Assert.Single(nuspec.Descendants(nuspec.Root.Name.Namespace + "frameworkReference"));
            Assert.Equal("Microsoft.AspNetCore.App", frameworkReference.Attribute("name")?.Value);
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net8.0/TypedFlags.AspNetCore.dll", entries);
            Assert.Contains("lib/net8.0/TypedFlags.AspNetCore.xml", entries);
            Assert.Contains("README.md", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) || e.EndsWith("/TypedFlags.dll", StringComparison.Ordinal));
        }

        using (var core = ZipFile.OpenRead(_feed.PackagePath))
        {
            var text = Nuspec(core).ToString();
            Assert.DoesNotContain("AspNetCore", text);
            Assert.DoesNotContain(core.Entries, e => e.FullName.Contains("AspNetCore", StringComparison.Ordinal));
        }

        const string manifest = """
            version: 1
            class: ShopFlags
            flags:
              orders.write:
                description: Place orders
                default: false
                targeting:
                  allow: ["tenant:acme"]
            """;
        const string program = """
            using Consumer.App;
            using TypedFlags;
            using TypedFlags.AspNetCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization();
            builder.Services.AddTypedFlags<ShopFlags>();
            var app = builder.Build();
            app.MapPost("/orders", () => "placed").RequireFlag(ShopFlags.Keys.OrdersWrite);
            app.MapGet("/me", (HttpContext http) => http.GetFlags<ShopFlags>().OrdersWrite.IsEnabled);
            app.MapFlagStatus("/flags");
            app.Run();
            """;
        var project = _feed.CreateConsumer(
            "AspNetCorePackageConsumer",
            manifest,
            program,
            "<Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>",
            targetFramework: "net8.0",
            sdk: "Microsoft.NET.Sdk.Web");

        // Only TypedFlags.AspNetCore: TypedFlags, its generator and analyzers come with it.
        var csproj = Path.Combine(project, "AspNetCorePackageConsumer.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("Include=\"TypedFlags\"", "Include=\"TypedFlags.AspNetCore\"", StringComparison.Ordinal));

        var build = DotNetCli.Run(project, "build", "-c", "Debug");
        Assert.True(build.ExitCode == 0, build.ToString());
        var output = Path.Combine(project, "bin", "Debug", "net8.0");
        Assert.True(File.Exists(Path.Combine(output, "TypedFlags.AspNetCore.dll")), build.ToString());
        Assert.True(File.Exists(Path.Combine(output, "TypedFlags.dll")), build.ToString());

        // The analyzers came along too: a misspelled key in RequireFlag is TF1001 in the consumer's build.
        File.WriteAllText(Path.Combine(project, "Program.cs"), program.Replace("RequireFlag(ShopFlags.Keys.OrdersWrite)", "RequireFlag(\"orders.wirte\")", StringComparison.Ordinal));
        var misspelled = DotNetCli.Run(project, "build", "-c", "Debug", "--no-incremental");
        Assert.Contains("warning TF1001: 'orders.wirte' is not a flag declared in flags.yaml; did you mean 'orders.write'?", misspelled.Output);
    }

    private static XDocument Nuspec(ZipArchive zip)
    {
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
