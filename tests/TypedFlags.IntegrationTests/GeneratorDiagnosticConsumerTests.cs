using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// Issue 11: a name clash or a bad input around flags.yaml fails a consumer's build with exactly one TF diagnostic at
/// flags.yaml(line,col), never a CS error or warning in generated code, with the packed package and a real
/// <c>dotnet build</c> (which decodes files and passes build properties the way unit tests can only imitate).
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class GeneratorDiagnosticConsumerTests
{
    private readonly PackageFeedFixture _feed;

    public GeneratorDiagnosticConsumerTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public void Flags_named_after_generated_members_are_TF0012_at_their_keys_even_with_TreatWarningsAsErrors()
    {
        const string manifest = """
            version: 1
            class: AppFlags
            flags:
              create-manifest:
                description: Shipping manifests
              get:
                description: GET endpoints
              set-or-clear:
                description: Toggle settings
              app-flags-overrides:
                description: Overrides screen
              checkout.fast:
                description: Fast checkout
            """;
        const string program = """
            using Consumer.App;

            var flags = AppFlags.ForTesting(o => o.CheckoutFast = true);
            System.Console.WriteLine(flags.CheckoutFast.IsEnabled);
            """;
        var project = _feed.CreateConsumer("reserved", manifest, program, extraProperties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");

        var build = DotNetCli.Run(project, "build", "-c", "Debug");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Equal(
            new[]
            {
                "flags.yaml(10,3): error TF0012: Flag key 'app-flags-overrides' produces the C# name 'AppFlagsOverrides', which is the name of the generated overrides class, whose properties cannot share it",
                "flags.yaml(4,3): error TF0012: Flag key 'create-manifest' produces the C# name 'CreateManifest', which is a member the generator emits in class 'AppFlags'",
                "flags.yaml(6,3): error TF0012: Flag key 'get' produces the C# name 'Get', which is a member the generated 'AppFlagsOverrides' class inherits from TypedFlags.FlagTestOverrides",
                "flags.yaml(8,3): error TF0012: Flag key 'set-or-clear' produces the C# name 'SetOrClear', which is a member the generated 'AppFlagsOverrides' class inherits from TypedFlags.FlagTestOverrides",
            },
            Diagnostics(build.Output, project));
        AssertNoCompilerDiagnostic(build);
    }

    [Fact]
    public void Names_generated_by_several_manifests_are_checked_against_each_other()
    {
        // Three manifests: the project's flags.yaml (picked up by the package) and two more listed as AdditionalFiles.
        // By ordinal order of path billing/ comes first and keeps 'Layout'; tests/ comes last and cannot generate a
        // class named like flags.yaml's overrides class.
        const string layout = "  layout:\n    description: Page layout\n    type: variant\n    variants: [classic, wide]\n";
        const string program = """
            using Consumer.App;

            var app = AppFlags.Create();
            var billing = BillingFlags.Create();
            System.Console.WriteLine($"{app.Search.IsEnabled} {billing.Layout.Value}");
            """;
        var project = _feed.CreateConsumer(
            "manifests",
            "version: 1\nclass: AppFlags\nflags:\n  search:\n    description: Search\n" + layout,
            program,
            extraItems: """<AdditionalFiles Include="billing/flags.yaml" /><AdditionalFiles Include="tests/flags.yaml" />""");
        Directory.CreateDirectory(Path.Combine(project, "billing"));
        Directory.CreateDirectory(Path.Combine(project, "tests"));
        File.WriteAllText(Path.Combine(project, "billing", "flags.yaml"), "version: 1\nclass: BillingFlags\nflags:\n" + layout);
        File.WriteAllText(Path.Combine(project, "tests", "flags.yaml"), "version: 1\nclass: AppFlagsOverrides\nflags:\n  fake:\n    description: Fake\n");

        var build = DotNetCli.Run(project, "build", "-c", "Debug");

        Assert.True(build.ExitCode != 0, build.ToString());
        var billing = Path.Combine(project, "billing", "flags.yaml");
        var root = Path.Combine(project, "flags.yaml");
        Assert.Equal(
            new[]
            {
                $"flags.yaml(6,3): error TF0012: Variant flag 'layout' produces the C# name 'Layout', which is also the enum of variant flag 'layout' in {billing}, in namespace Consumer.App (a variant flag generates an enum of that name); rename the flag or give one of the files another 'namespace'",
                $"tests/flags.yaml(2,8): error TF0012: Class 'AppFlagsOverrides' produces the C# name 'AppFlagsOverrides', which is also the overrides class generated from {root}, in namespace Consumer.App; give one of the files another 'class' or 'namespace'",
            },
            Diagnostics(build.Output, project));
        AssertNoCompilerDiagnostic(build);
    }

    [Fact]
    public void A_keyword_RootNamespace_and_a_TypedFlagsToday_that_is_not_a_date_are_reported()
    {
        const string program = "System.Console.WriteLine(Flags.Create().Search.IsEnabled);\n";
        var project = _feed.CreateConsumer("event", "version: 1\nflags:\n  search:\n    description: Search\n", program, extraProperties: "<RootNamespace>event</RootNamespace>");

        var build = DotNetCli.Run(project, "build", "-c", "Debug", "-p:TypedFlagsToday=garbage");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Equal(
            new[]
            {
                "flags.yaml(1,1): error TF0007: Invalid date 'garbage' for 'TypedFlagsToday': expected yyyy-MM-dd (staleness is judged on today's UTC date instead)",
                "flags.yaml(1,1): error TF0015: 'event' is not a valid namespace for the generated class: it is the project's RootNamespace, which flags.yaml uses when it sets no 'namespace:', and 'event' is a C# keyword; set 'namespace:' in flags.yaml (or <RootNamespace> in the project file). Until then the class is generated in the global namespace",
            },
            Diagnostics(build.Output, project));
        AssertNoCompilerDiagnostic(build);

        // Analyzers can be switched off (CI builds often do); the generator still runs and still reports the property.
        var withoutAnalyzers = DotNetCli.Run(project, "build", "-c", "Debug", "-p:TypedFlagsToday=garbage", "-p:RunAnalyzers=false", "--no-incremental");
        Assert.Contains(
            "flags.yaml(1,1): error TF0007: Invalid date 'garbage' for 'TypedFlagsToday': expected yyyy-MM-dd (staleness is judged on today's UTC date instead)",
            Diagnostics(withoutAnalyzers.Output, project));
    }

    [Fact]
    public void Latin_1_bytes_in_flags_yaml_are_TF0022_at_the_first_bad_byte()
    {
        var project = _feed.CreateConsumer("latin1", "version: 1\nflags:\n  search:\n    description: x\n", "System.Console.WriteLine();\n");
        File.WriteAllBytes(Path.Combine(project, "flags.yaml"), Encoding.Latin1.GetBytes("version: 1\nflags:\n  search:\n    description: Caf\u00e9 search\n"));

        var build = DotNetCli.Run(project, "build", "-c", "Debug");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Equal(
            new[] { "flags.yaml(4,21): error TF0022: flags.yaml is not valid UTF-8: the compiler could not decode the bytes here and read them as U+FFFD; save the file as UTF-8" },
            Diagnostics(build.Output, project));
        AssertNoCompilerDiagnostic(build);
    }

    /// <summary>"file(line,col): severity ID: message" per distinct diagnostic, the file relative to the project, sorted.</summary>
    private static string[] Diagnostics(string output, string project) =>
        Regex.Matches(output, @"^(?<file>[^\r\n]+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>[A-Z]+\d{4}): (?<message>[^\r\n]*?)(?: \(https://[^\r\n]*\))? \[[^\r\n]*\]\r?$", RegexOptions.Multiline)
            .Select(m => $"{Path.GetRelativePath(project, m.Groups["file"].Value.Trim()).Replace('\\', '/')}({m.Groups["line"].Value},{m.Groups["column"].Value}): {m.Groups["severity"].Value} {m.Groups["id"].Value}: {m.Groups["message"].Value}")
            .Distinct()
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToArray();

    private static void AssertNoCompilerDiagnostic(CliResult build) =>
        Assert.False(Regex.IsMatch(build.Output, @"\b(error|warning) CS\d{4}"), "a C# diagnostic in the build:\n" + build);
}
