using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// The analyzers and code fixes from the packed package: a consumer with a misspelled key, an expired flag and a bad
/// appsettings override gets exactly those warnings at file(line,col); <c>dotnet format analyzers</c> removes the
/// expired flag and the app still builds and prints the same.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class AnalyzerConsumerTests
{
    private const string Manifest = """
        version: 1
        flags:
          search.v2:
            description: New search, on everywhere and past its expiry
            default: true
            expires: 2026-11-01
          beta.banner:
            description: Beta banner
        """;

    private const string Program = """
        using System;
        using Consumer.App;

        var flags = Flags.Create();
        if (flags.SearchV2.IsEnabled)
        {
            Console.WriteLine("search: v2");
        }
        else
        {
            Console.WriteLine("search: v1");
        }

        Console.WriteLine("banner: " + flags.BetaBanner.IsEnabled);
        Console.WriteLine("typo index: " + flags.Engine.Manifest.IndexOf("beta.baner"));
        """;

    private const string AppSettings = """
        {
          "Flags": {
            "beta.banner": "sometimes"
          }
        }
        """;

    private readonly PackageFeedFixture _feed;

    public AnalyzerConsumerTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public void Build_reports_exactly_the_expected_warnings_and_dotnet_format_removes_the_expired_flag()
    {
        var project = _feed.CreateConsumer("analyzed", Manifest, Program, extraProperties: "<TypedFlagsToday>2026-11-22</TypedFlagsToday>");
        File.WriteAllText(Path.Combine(project, "appsettings.json"), AppSettings);

        var build = DotNetCli.Run(project, "build", "-c", "Debug");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(
            new[]
            {
                "Program.cs(15,66): warning TF1001",
                "Program.cs(5,5): warning TF1101",
                "appsettings.json(3,20): warning TF2002",
                "flags.yaml(3,3): warning TF1101",
            },
            Warnings(build.Output));
        var before = DotNetCli.Run(project, "run", "--no-build");
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Equal("search: v2\nbanner: False\ntypo index: -1\n", before.Output.Replace("\r\n", "\n"));

        var format = DotNetCli.Run(project, "format", "analyzers", "--diagnostics", "TF1101", "--severity", "info", "--no-restore");
        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.Equal(
            """
            using System;
            using Consumer.App;

            var flags = Flags.Create();
            Console.WriteLine("search: v2");

            Console.WriteLine("banner: " + flags.BetaBanner.IsEnabled);
            Console.WriteLine("typo index: " + flags.Engine.Manifest.IndexOf("beta.baner"));
            """,
            File.ReadAllText(Path.Combine(project, "Program.cs")).Replace("\r\n", "\n"));

        var rebuild = DotNetCli.Run(project, "build", "-c", "Debug");
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.Equal(
            new[]
            {
                "Program.cs(8,66): warning TF1001",
                "appsettings.json(3,20): warning TF2002",
                "flags.yaml(3,3): warning TF1101",
            },
            Warnings(rebuild.Output));
        var after = DotNetCli.Run(project, "run", "--no-build");
        Assert.Equal(before.Output, after.Output);
    }

    [Fact]
    public void Dotnet_format_cleanup_keeps_behaviour_and_build_on_the_shapes_that_went_wrong()
    {
        // Issue 11, item 10: each of these once came out of dotnet format broken, warning, or printing something else.
        const string manifest = """
            version: 1
            flags:
              old.on:
                description: Expired while on everywhere
                default: true
                expires: 2026-11-01
              old.var:
                description: Everyone got two columns
                type: variant
                variants: [one-column, two-column]
                split: { two-column: 100 }
                expires: 2026-11-01
              min.int:
                description: The smallest int, on purpose
                type: int
                default: -2147483648
                expires: 2026-11-01
            """;
        const string program = """
            using System;
            using System.IO;
            using Consumer.App;

            var f = Flags.Create();
            Flags? maybe = f;
            Console.WriteLine("conditional: " + (maybe?.OldOn.IsEnabled == true));
            if (f.OldOn.IsEnabled)
            {
            #if DEBUG
                Console.WriteLine("build: debug");
            #else
                Console.WriteLine("build: release");
            #endif
            }
            var path = Path.Combine(AppContext.BaseDirectory, "hello.txt");
            if (f.OldOn.IsEnabled) { using var w = new StreamWriter(path); w.Write("hello"); }
            Console.WriteLine("file: " + File.ReadAllText(path));
            Console.WriteLine("name: " + nameof(f.OldOn.IsEnabled));
            if (f.OldOn.IsEnabled is true and var b) Console.WriteLine("pattern: " + b);
            Console.WriteLine("same layout: " + (f.OldVar.Value == OldVar.TwoColumn));
            Console.WriteLine("negated: " + -f.MinInt.Value);
            if (f.OldOn.IsEnabled) { Console.WriteLine("block"); }
            Console.WriteLine("after block");
            switch (args.Length)
            {
                case 0:
                    if (f.OldOn.IsEnabled) { Console.WriteLine("in switch"); }
                    break;
            }
            """;
        var project = _feed.CreateConsumer("cleanupshapes", manifest, program, extraProperties: "<TypedFlagsToday>2026-11-22</TypedFlagsToday><Nullable>enable</Nullable>");

        var build = DotNetCli.Run(project, "build", "-c", "Debug");
        Assert.True(build.ExitCode == 0, build.ToString());
        var before = DotNetCli.Run(project, "run", "--no-build");
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Equal(
            "conditional: True\nbuild: debug\nfile: hello\nname: IsEnabled\npattern: True\nsame layout: True\nnegated: -2147483648\nblock\nafter block\nin switch\n",
            before.Output.Replace("\r\n", "\n"));

        var format = DotNetCli.Run(project, "format", "analyzers", "--diagnostics", "TF1101", "TF1102", "--severity", "info", "--no-restore");
        Assert.True(format.ExitCode == 0, format.ToString());

        // The reads no rewrite keeps safe stay, with their warning, for a person to handle.
        Assert.Equal(
            """
            using System;
            using System.IO;
            using Consumer.App;

            var f = Flags.Create();
            Flags? maybe = f;
            Console.WriteLine("conditional: " + (maybe?.OldOn.IsEnabled == true));
            {
            #if DEBUG
                Console.WriteLine("build: debug");
            #else
                Console.WriteLine("build: release");
            #endif
            }
            var path = Path.Combine(AppContext.BaseDirectory, "hello.txt");
            { using var w = new StreamWriter(path); w.Write("hello"); }
            Console.WriteLine("file: " + File.ReadAllText(path));
            Console.WriteLine("name: " + nameof(f.OldOn.IsEnabled));
            if (f.OldOn.IsEnabled is true and var b) Console.WriteLine("pattern: " + b);
            Console.WriteLine("same layout: " + true);
            Console.WriteLine("negated: " + -f.MinInt.Value);
            Console.WriteLine("block");
            Console.WriteLine("after block");
            switch (args.Length)
            {
                case 0:
                    Console.WriteLine("in switch");
                    break;
            }
            """,
            File.ReadAllText(Path.Combine(project, "Program.cs")).Replace("\r\n", "\n"));

        var rebuild = DotNetCli.Run(project, "build", "-c", "Debug");
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.Empty(CompilerDiagnostics(rebuild.Output).Except(CompilerDiagnostics(build.Output)));
        Assert.Equal(
            new[]
            {
                "Program.cs(18,37): warning TF1101",
                "Program.cs(19,5): warning TF1101",
                "Program.cs(21,34): warning TF1101",
                "Program.cs(7,44): warning TF1101",
                "flags.yaml(13,3): warning TF1101",
                "flags.yaml(3,3): warning TF1101",
                "flags.yaml(7,3): warning TF1101",
            },
            Warnings(rebuild.Output));
        var after = DotNetCli.Run(project, "run", "--no-build");
        Assert.Equal(before.Output, after.Output);
    }

    [Fact]
    public void Severities_follow_editorconfig_for_csharp_and_globalconfig_for_flags_yaml_and_appsettings()
    {
        var project = _feed.CreateConsumer("severities", Manifest + "\n  unused.flag:\n    description: Nobody reads it\n", Program, extraProperties: "<TypedFlagsToday>2026-11-22</TypedFlagsToday>");
        File.WriteAllText(Path.Combine(project, "appsettings.json"), AppSettings);
        File.WriteAllText(Path.Combine(project, ".editorconfig"), """
            root = true

            [*.cs]
            dotnet_diagnostic.TF1001.severity = error
            """);

        // Diagnostics in flags.yaml and appsettings.json have no C# file: only a global config reaches them. The SDK
        // picks up a file named .globalconfig by itself.
        File.WriteAllText(Path.Combine(project, ".globalconfig"), """
            is_global = true
            dotnet_diagnostic.TF2002.severity = none
            dotnet_diagnostic.TF1104.severity = warning
            """);

        var build = DotNetCli.Run(project, "build", "-c", "Debug");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(
            new[]
            {
                "Program.cs(15,66): error TF1001",
                "Program.cs(5,5): warning TF1101",
                "flags.yaml(3,3): warning TF1101",
                "flags.yaml(9,3): warning TF1104",
            },
            Warnings(build.Output));
    }

    [Fact]
    public void Microsoft_FeatureManagement_keys_are_checked_in_a_web_app_against_the_real_package()
    {
        const string manifest = """
            version: 1
            flags:
              search.v2:
                description: New search, past its expiry
                default: true
                expires: 2026-11-01
              beta.banner:
                description: Beta banner
              reports.export:
                description: Report export
            """;
        const string program = """
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.AspNetCore;
            using Microsoft.FeatureManagement.Mvc;
            using TypedFlags;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddFeatureManagement();
            var app = builder.Build();
            app.MapGet("/export", () => "ok").WithFeatureGate("reports.exprt");
            app.UseForFeature("beta.baner", branch => { });
            var features = app.Services.GetRequiredService<IVariantFeatureManager>();
            Console.WriteLine(await features.IsEnabledAsync("search.v2"));
            Console.WriteLine(await features.GetVariantAsync("beta.banner", CancellationToken.None));
            Console.WriteLine(new Gate().IsOn("reprots.export"));

            [FeatureGate("beta.banner", "reports.exprot")]
            public sealed class ReportsController : Microsoft.AspNetCore.Mvc.ControllerBase { }

            public interface IGate { bool IsOn([FlagKey] string key); }

            public sealed class Gate : IGate { public bool IsOn(string key) => key.Length > 0; }
            """;
        var project = _feed.CreateConsumer(
            "webapp",
            manifest,
            program,
            extraProperties: "<TypedFlagsToday>2026-11-22</TypedFlagsToday><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable>",
            extraItems: """<PackageReference Include="Microsoft.FeatureManagement.AspNetCore" Version="4.7.0" />""",
            sdk: "Microsoft.NET.Sdk.Web");

        var build = DotNetCli.Run(project, "build", "-c", "Debug");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(
            new[]
            {
                "Program.cs(10,19): warning TF1001",
                "Program.cs(12,49): warning TF1101",
                "Program.cs(14,35): warning TF1001",
                "Program.cs(16,29): warning TF1001",
                "Program.cs(9,51): warning TF1001",
                "flags.yaml(3,3): warning TF1101",
            },
            Warnings(build.Output));
    }

    [Fact]
    public void A_flag_read_only_in_a_Razor_page_is_referenced()
    {
        const string manifest = """
            version: 1
            flags:
              beta.banner:
                description: Banner shown only from the Razor page
              nobody.reads:
                description: Declared and never read
            """;
        const string program = """
            using TypedFlags;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            builder.Services.AddTypedFlags<Consumer.App.Flags>();
            var app = builder.Build();
            app.MapRazorPages();
            """;
        var project = _feed.CreateConsumer(
            "razorapp",
            manifest,
            program,
            extraProperties: "<TypedFlagsToday>2026-11-22</TypedFlagsToday><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable>",
            sdk: "Microsoft.NET.Sdk.Web");
        Directory.CreateDirectory(Path.Combine(project, "Pages"));
        File.WriteAllText(Path.Combine(project, "Pages", "Index.cshtml"), """
            @page
            @inject Consumer.App.Flags Flags
            @if (Flags.BetaBanner.IsEnabled)
            {
                <p>Beta!</p>
            }
            """);
        File.WriteAllText(Path.Combine(project, ".globalconfig"), "is_global = true\ndotnet_diagnostic.TF1104.severity = warning\n");

        var build = DotNetCli.Run(project, "build", "-c", "Debug");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(new[] { "flags.yaml(5,3): warning TF1104" }, Warnings(build.Output));
    }

    /// <summary>The compiler's own warnings and errors ("CS8793"...), once each with their file: what a fix must never add.</summary>
    private static string[] CompilerDiagnostics(string output) => Regex.Matches(output, @"([^\s/\\]+)\(\d+,\d+\): (warning|error) (CS\d{4})")
        .Select(match => match.Groups[1].Value + ": " + match.Groups[2].Value + " " + match.Groups[3].Value)
        .Distinct()
        .ToArray();

    /// <summary>"File(line,col): warning TFxxxx" (or error), once each, whatever folder the build prints.</summary>
    private static string[] Warnings(string output) => Regex.Matches(output, @"([^\s/\\]+\(\d+,\d+\)): (warning|error) (TF\d{4})")
        .Select(match => match.Groups[1].Value + ": " + match.Groups[2].Value + " " + match.Groups[3].Value)
        .Distinct()
        .OrderBy(line => line, System.StringComparer.Ordinal)
        .ToArray();
}
