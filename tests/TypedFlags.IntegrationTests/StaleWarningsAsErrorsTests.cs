using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// TF1101/TF1102 appear when a date passes, not when code changes: in a TreatWarningsAsErrors project the packed
/// package keeps them warnings (WarningsNotAsErrors from buildTransitive), so an unchanged commit still builds; a team
/// opts into errors with <c>TypedFlagsStaleWarningsNotAsErrors=false</c>, and elsewhere severities work as before.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class StaleWarningsAsErrorsTests
{
    private const string Manifest = """
        version: 1
        flags:
          search.v2:
            description: New search, expires on 2026-11-01
            default: true
            expires: 2026-11-01
          checkout.v2:
            description: New checkout, launched on 2026-09-01 (stale 30 days later)
            default: true
            launched: 2026-09-01
        """;

    private const string Program = """
        using System;
        using Consumer.App;

        var flags = Flags.Create();
        Console.WriteLine(flags.SearchV2.IsEnabled);
        Console.WriteLine(flags.CheckoutV2.IsEnabled);
        """;

    private readonly PackageFeedFixture _feed;

    public StaleWarningsAsErrorsTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public void A_TreatWarningsAsErrors_project_builds_with_stale_flags_as_warnings_unless_it_opts_in()
    {
        var project = _feed.CreateConsumer("warnaserror", Manifest, Program, extraProperties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");

        // The day before anything is stale: no diagnostic at all.
        var fresh = DotNetCli.Run(project, "build", "-c", "Debug", "-p:TypedFlagsToday=2026-10-01");
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.Empty(Diagnostics(fresh.Output));

        // Past both dates, as a CI run on a later day would be: warnings, and the build succeeds.
        var stale = DotNetCli.Run(project, "build", "-c", "Debug", "-p:TypedFlagsToday=2026-11-22");
        Assert.True(stale.ExitCode == 0, stale.ToString());
        Assert.Equal(
            new[]
            {
                "Program.cs(5,19): warning TF1101",
                "Program.cs(6,19): warning TF1102",
                "flags.yaml(3,3): warning TF1101",
                "flags.yaml(7,3): warning TF1102",
            },
            Diagnostics(stale.Output));

        // A team that wants them to fail the build says so. (--no-incremental: a property alone does not make
        // CoreCompile run again.)
        var strict = DotNetCli.Run(project, "build", "-c", "Debug", "--no-incremental", "-p:TypedFlagsToday=2026-11-22", "-p:TypedFlagsStaleWarningsNotAsErrors=false");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Equal(
            new[]
            {
                "Program.cs(5,19): error TF1101",
                "Program.cs(6,19): error TF1102",
                "flags.yaml(3,3): error TF1101",
                "flags.yaml(7,3): error TF1102",
            },
            Diagnostics(strict.Output));

        // Without TreatWarningsAsErrors nothing is added to WarningsNotAsErrors, which would override a severity set
        // in a global config as for any analyzer.
        File.WriteAllText(Path.Combine(project, ".globalconfig"), "is_global = true\ndotnet_diagnostic.TF1101.severity = error\n");
        var configured = DotNetCli.Run(project, "build", "-c", "Debug", "--no-incremental", "-p:TypedFlagsToday=2026-11-22", "-p:TreatWarningsAsErrors=false");
        Assert.NotEqual(0, configured.ExitCode);
        Assert.Equal(
            new[]
            {
                "Program.cs(5,19): error TF1101",
                "Program.cs(6,19): warning TF1102",
                "flags.yaml(3,3): error TF1101",
                "flags.yaml(7,3): warning TF1102",
            },
            Diagnostics(configured.Output));
    }

    /// <summary>"File(line,col): warning TFxxxx" (or error), once each, whatever folder the build prints.</summary>
    private static string[] Diagnostics(string output) => Regex.Matches(output, @"([^\s/\\]+\(\d+,\d+\)): (warning|error) (TF\d{4})")
        .Select(match => match.Groups[1].Value + ": " + match.Groups[2].Value + " " + match.Groups[3].Value)
        .Distinct()
        .OrderBy(line => line, System.StringComparer.Ordinal)
        .ToArray();
}
