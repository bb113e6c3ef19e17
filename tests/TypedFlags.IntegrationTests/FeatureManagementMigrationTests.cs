using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using Xunit;
using Xunit.Abstractions;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// Issue 18's end-to-end migration, as a new user does it with the packed packages: a FeatureFlagDemo-shaped app on
/// Microsoft.FeatureManagement 4.7.0 answers a fixed set of callers on Kestrel; docs/migrating-from-feature-management.md
/// steps 1-3 are followed as written (the installed <c>typedflags import</c>, the packed TypedFlags.FeatureManagement
/// and the code the guide shows, the old sections removed); every endpoint answers every caller the same; then one
/// <c>FLAGS_BETA</c> variable changes Beta for the typed accessor and the <c>[FeatureGate]</c> action alike: <c>off</c>
/// for the callers the rollout let in, <c>kill</c> for everyone.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class FeatureManagementMigrationTests
{
    private static readonly TimeSpan ServerStart = TimeSpan.FromMinutes(1);

    private readonly PackageFeedFixture _feed;
    private readonly ITestOutputHelper _output;

    public FeatureManagementMigrationTests(PackageFeedFixture feed, ITestOutputHelper output)
    {
        _feed = feed;
        _output = output;
    }

    [Fact]
    public void A_console_app_uses_the_adapter_without_ASP_NET_Core()
    {
        // MFM's TargetingConsoleApp shape: IFeatureManager in a plain console app, the caller passed with each call.
        // Only TypedFlags.FeatureManagement is referenced; nothing of ASP.NET Core may come with it, or the app would
        // not start on a runtime-only image.
        _feed.Pack("TypedFlags.FeatureManagement");
        var app = _feed.CreateConsumer(
            "MfmConsole",
            """
            version: 1
            bucketing: microsoft
            flags:
              Beta:
                description: Imported targeting feature
                rollout: 20
                targeting:
                  allow: [Jeff, "group:Ring0"]
                  deny: [Mallory]
            """,
            """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.FeatureManagement;
            using Microsoft.FeatureManagement.FeatureFilters;
            using TypedFlags;
            using TypedFlags.FeatureManagement;

            var services = new ServiceCollection();
            services.AddTypedFlags<Consumer.App.Flags>(o => o.EnvironmentVariables = false);
            services.AddTypedFlagsFeatureManagement();
            using var provider = services.BuildServiceProvider();
            var features = provider.GetRequiredService<IFeatureManager>();
            foreach (var (user, groups) in new[] { ("Jeff", new string[0]), ("Mallory", new[] { "Ring0" }), ("Ann", new[] { "Ring0" }), ("Bob", new string[0]) })
            {
                var on = await features.IsEnabledAsync("Beta", new TargetingContext { UserId = user, Groups = groups });
                System.Console.WriteLine($"{user}={on}");
            }

            System.Console.WriteLine("anonymous=" + await features.IsEnabledAsync("Beta"));
            """,
            extraItems: $"<PackageReference Include=\"TypedFlags.FeatureManagement\" Version=\"{_feed.Version}\" />");

        var run = DotNetCli.RunProgram("dotnet", app, TimeSpan.FromMinutes(3), new Dictionary<string, string?>(), "run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Jeff=True", run.Output, StringComparison.Ordinal);
        Assert.Contains("Mallory=False", run.Output, StringComparison.Ordinal);
        Assert.Contains("Ann=True", run.Output, StringComparison.Ordinal);
        var runtimeConfig = File.ReadAllText(Directory.GetFiles(Path.Combine(app, "bin"), "MfmConsole.runtimeconfig.json", SearchOption.AllDirectories).Single());
        Assert.Contains("Microsoft.NETCore.App", runtimeConfig, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore.App", runtimeConfig, StringComparison.Ordinal);
        using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(_feed.Feed, $"TypedFlags.FeatureManagement.{_feed.Version}.nupkg"));
        using var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.DoesNotContain("frameworkReference", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("TypedFlags.AspNetCore", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_migrated_by_the_guide_answers_every_caller_as_before_and_one_variable_turns_off_gate_and_accessor()
    {
        var packing = Stopwatch.StartNew();
        var tool = InstalledTool.Path;
        _feed.Pack("TypedFlags.AspNetCore");
        _feed.Pack("TypedFlags.FeatureManagement");
        _output.WriteLine($"packages packed and the tool installed in {packing.Elapsed.TotalSeconds:0} s (shared with the other tests of the run)");
        var migration = Stopwatch.StartNew();
        var app = Path.Combine(_feed.WorkRoot, "FeatureFlagDemo");
        FeatureFlagDemoApp.Write(app, _feed.Feed);
        var callers = Callers();

        // Before: Microsoft.FeatureManagement evaluates appsettings.json and appsettings.Development.json.
        var build = DotNetCli.Run(app, "build", "-c", "Debug");
        Assert.True(build.ExitCode == 0, build.ToString());
        var before = await AskAsync(app, callers, FeatureFlagDemoApp.Endpoints, flagsBeta: null);
        AssertTheDemoShape(callers, before);

        // Step 1: import. Nothing in this app lacks an exact equivalent, so nothing is listed and the exit code is 0.
        var flagsYaml = Path.Combine(app, "flags.yaml");
        var import = DotNetCli.RunProgram(tool, app, TimeSpan.FromMinutes(1), environment: null, "import", app, "--output", flagsYaml);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal(new[] { $"typedflags: wrote 5 flag(s) to {flagsYaml}." }, Lines(import.Output));
        var yaml = File.ReadAllText(flagsYaml);
        Assert.Contains("bucketing: microsoft", yaml);
        Assert.Contains("groups: { \"Ring0\": 80, \"Ring1\": 50 }", yaml);
        Assert.Contains("deny: [\"Mallory\", \"group:Blocked\"]", yaml);
        Assert.Contains("hash_name: \"Feature With Space\"", yaml);
        Assert.Contains("\"Development\": true", yaml);

        // `typedflags list` names the variable that overrides Beta (docs/runtime.md: env_prefix + UPPER_SNAKE(key)).
        var list = DotNetCli.RunProgram(tool, app, TimeSpan.FromMinutes(1), environment: null, "list", flagsYaml);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Matches(@"(?m)^Beta\s+bool\s+false\s+-\s+20%\s+FLAGS_BETA\s", list.Output);

        // Step 2: the package and the registrations the guide shows; step 3: the old sections go.
        MigrateAsTheGuideSays(app);
        var migrated = DotNetCli.Run(app, "build", "-c", "Debug");
        Assert.True(migrated.ExitCode == 0, migrated.ToString());
        Assert.DoesNotMatch(@"(warning|error) TF\d{4}", migrated.Output);

        // After: TypedFlags answers through Microsoft.FeatureManagement's interfaces, and the typed accessor agrees.
        var endpoints = FeatureFlagDemoApp.Endpoints.Append(TypedEndpoint).ToArray();
        var after = await AskAsync(app, callers, endpoints, flagsBeta: null);
        var mismatches = new List<string>();
        foreach (var caller in callers)
        {
            foreach (var endpoint in FeatureFlagDemoApp.Endpoints)
            {
                if (before[(caller, endpoint)] != after[(caller, endpoint)])
                {
                    mismatches.Add($"{endpoint}{caller}: before '{before[(caller, endpoint)]}', after '{after[(caller, endpoint)]}'");
                }
            }

            var betaBefore = before[(caller, "/api/features")].Contains("Beta=True", StringComparison.Ordinal);
            Assert.Equal(betaBefore ? "200 typed beta on" : "200 typed beta off", after[(caller, TypedEndpoint)]);
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {callers.Count * FeatureFlagDemoApp.Endpoints.Length} answers changed:\n{string.Join("\n", mismatches)}");
        _output.WriteLine($"{callers.Count} callers x {FeatureFlagDemoApp.Endpoints.Length} endpoints = {callers.Count * FeatureFlagDemoApp.Endpoints.Length} answers compared, {mismatches.Count} mismatches");

        // One variable, the one `typedflags list` named, and one evaluator: the typed accessor, [FeatureGate],
        // WithFeatureGate and the tag helper agree for every caller. `off` is the flag's global value (docs/runtime.md,
        // evaluation order step 5): it turns off the callers the 20% default rollout let in, while the allow list and
        // the group rollouts (targeting, step 4) still decide for theirs. So Beta stays on for exactly the audience
        // Microsoft.FeatureManagement itself computes without the default rollout.
        var off = await AskAsync(app, callers, endpoints, flagsBeta: "off");
        var switchedOff = 0;
        foreach (var caller in callers)
        {
            var targeted = await TargetedWithoutDefaultRolloutAsync(caller);
            AssertBeta(caller, targeted, off);
            switchedOff += after[(caller, TypedEndpoint)] == "200 typed beta on" && !targeted ? 1 : 0;
            Assert.Equal(after[(caller, "/api/space")], off[(caller, "/api/space")]);
        }

        Assert.InRange(switchedOff, 1, callers.Count);
        Assert.Equal("200 <h1>Beta for Jeff</h1>", off[("?user=Jeff", "/Beta")]);
        _output.WriteLine($"FLAGS_BETA=off: {switchedOff} callers switched off on every endpoint; listed users and group rollouts kept theirs");

        // `kill` is Microsoft.FeatureManagement's `enabled: false`: off for everyone, Jeff included.
        var killed = await AskAsync(app, callers, endpoints, flagsBeta: "kill");
        foreach (var caller in callers)
        {
            AssertBeta(caller, false, killed);
        }

        // Reported, never asserted: how long two builds, the import and four runs of the app take.
        _output.WriteLine($"migration: two builds, import and four runs in {migration.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>
    /// Microsoft.FeatureManagement 4.7.0's own answer for Beta's audience as appsettings.json declares it, less the
    /// default rollout: the callers that targeting alone (listed users, group rollouts, exclusions) lets in.
    /// </summary>
    private static async Task<bool> TargetedWithoutDefaultRolloutAsync(string caller)
    {
        var query = System.Web.HttpUtility.ParseQueryString(caller);
        var filter = new ContextualTargetingFilter(Options.Create(new TargetingEvaluationOptions()), NullLoggerFactory.Instance);
        var audience = new Audience
        {
            Users = new List<string> { "Jeff", "Alicia" },
            Groups = new List<GroupRollout> { new() { Name = "Ring0", RolloutPercentage = 80 }, new() { Name = "Ring1", RolloutPercentage = 50 } },
            DefaultRolloutPercentage = 0,
            Exclusion = new BasicAudience { Users = new List<string> { "Mallory" }, Groups = new List<string> { "Blocked" } },
        };
        return await filter.EvaluateAsync(
            new FeatureFilterEvaluationContext { FeatureName = "Beta", Settings = new TargetingFilterSettings { Audience = audience } },
            new TargetingContext { UserId = query["user"], Groups = (query["groups"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries) });
    }

    /// <summary>Beta is <paramref name="on"/> for <paramref name="caller"/> in the typed accessor, both gates and the tag helper.</summary>
    private static void AssertBeta(string caller, bool on, Dictionary<(string, string), string> answers)
    {
        Assert.True(answers[(caller, TypedEndpoint)] == (on ? "200 typed beta on" : "200 typed beta off"), $"{TypedEndpoint}{caller}: {answers[(caller, TypedEndpoint)]}");
        Assert.True(answers[(caller, "/Beta")].StartsWith("200", StringComparison.Ordinal) == on, $"/Beta{caller}: {answers[(caller, "/Beta")]}");
        Assert.True(answers[(caller, "/api/beta")] == (on ? "200 beta api" : "404"), $"/api/beta{caller}: {answers[(caller, "/api/beta")]}");
        Assert.True(answers[(caller, "/")].Contains("Try the beta", StringComparison.Ordinal) == on, $"/{caller}: {answers[(caller, "/")]}");
    }

    private const string TypedEndpoint = "/api/typed";

    /// <summary>
    /// docs/migrating-from-feature-management.md step 2 (the package, and the lines of its Program.cs excerpt that the
    /// app does not have yet) and step 3 (remove the feature_management sections), plus one endpoint that reads the
    /// typed accessor the generator now makes.
    /// </summary>
    private void MigrateAsTheGuideSays(string app)
    {
        var csproj = Path.Combine(app, "FeatureFlagDemo.csproj");
        const string reference = "<PackageReference Include=\"Microsoft.FeatureManagement.AspNetCore\" Version=\"4.7.0\" />";
        File.WriteAllText(csproj, Replace(File.ReadAllText(csproj), reference, reference + $"\n    <PackageReference Include=\"TypedFlags.FeatureManagement\" Version=\"{_feed.Version}\" />\n    <PackageReference Include=\"TypedFlags.AspNetCore\" Version=\"{_feed.Version}\" />"));

        var (usings, registrations) = GuideStep2Excerpt();
        var program = Path.Combine(app, "Program.cs");
        const string featureManagement = "builder.Services.AddFeatureManagement().WithTargeting<ClaimsTargetingContextAccessor>();\n";
        var code = Replace(File.ReadAllText(program), featureManagement, featureManagement + string.Concat(registrations.Select(line => line + "\n")));
        code = Replace(code, "app.Run();", $"app.MapGet(\"{TypedEndpoint}\", (HttpContext http) => http.GetFlags<Flags>().Beta.IsEnabled ? \"typed beta on\" : \"typed beta off\");\napp.Run();");
        File.WriteAllText(program, string.Concat(usings.Append("using TypedFlags.AspNetCore;").Select(line => line + "\n")) + code);

        foreach (var settings in Directory.GetFiles(app, "appsettings*.json"))
        {
            var json = JsonNode.Parse(File.ReadAllText(settings))!.AsObject();
            Assert.True(json.Remove("feature_management"), settings);
            File.WriteAllText(settings, json.ToJsonString());
        }
    }

    /// <summary>The <c>using</c> lines and the registrations after <c>AddFeatureManagement()</c> in the guide's step 2 code.</summary>
    private static (List<string> Usings, List<string> Registrations) GuideStep2Excerpt()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "migrating-from-feature-management.md")).Replace("\r\n", "\n");
        var step = guide.IndexOf("2. **Add the packages", StringComparison.Ordinal);
        Assert.True(step >= 0, "step 2 not found in the guide");
        var start = guide.IndexOf("```csharp\n", step, StringComparison.Ordinal) + "```csharp\n".Length;
        var lines = guide.Substring(start, guide.IndexOf("```", start, StringComparison.Ordinal) - start)
            .Split('\n')
            .Select(line => Regex.Replace(line, @"\s*//.*$", string.Empty).Trim())
            .Where(line => line.Length > 0)
            .ToList();
        var usings = lines.Where(line => line.StartsWith("using ", StringComparison.Ordinal)).ToList();
        var registrations = lines.Where(line => line.StartsWith("builder.Services.", StringComparison.Ordinal) && !line.Contains("AddFeatureManagement", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "builder.Services.AddTypedFlags<Flags>();", "builder.Services.AddTypedFlagsFeatureManagement();", "builder.Services.AddHttpFlagContext();" }, registrations);
        return (usings, registrations);
    }

    /// <summary>
    /// 200 users spread over Ring0, Ring1 and no group; Jeff and Alicia (listed users); Mallory (an excluded user in
    /// Ring0); eve (in Ring0 and the excluded group Blocked); an anonymous caller, and an anonymous caller in Ring1.
    /// Each is the query string the demo's sign-in reads.
    /// </summary>
    private static List<string> Callers()
    {
        var callers = Enumerable.Range(0, 200).Select(i => $"?user=user{i:000}" + (i % 3) switch { 0 => "&groups=Ring0", 1 => "&groups=Ring1", _ => string.Empty }).ToList();
        callers.AddRange(new[] { "?user=Jeff", "?user=Alicia&groups=Ring1", "?user=Mallory&groups=Ring0", "?user=eve&groups=Ring0,Blocked", string.Empty, "?groups=Ring1" });
        return callers;
    }

    /// <summary>What makes the comparison worth something: every kind of answer occurs before the migration.</summary>
    private void AssertTheDemoShape(List<string> callers, Dictionary<(string, string), string> before)
    {
        Assert.Equal("200 <h1>Beta for Jeff</h1>", before[("?user=Jeff", "/Beta")]);
        Assert.Equal("404", before[("?user=Mallory&groups=Ring0", "/Beta")]);
        Assert.Equal("404", before[("?user=eve&groups=Ring0,Blocked", "/Beta")]);
        foreach (var ring in new[] { "&groups=Ring0", "&groups=Ring1", string.Empty })
        {
            var users = callers.Where(c => c.StartsWith("?user=user", StringComparison.Ordinal) && (ring.Length == 0 ? !c.Contains('&') : c.EndsWith(ring, StringComparison.Ordinal))).ToList();
            var on = users.Count(c => before[(c, "/Beta")].StartsWith("200", StringComparison.Ordinal));
            _output.WriteLine($"Beta on for {on} of {users.Count} users{(ring.Length == 0 ? " without a group" : " in " + ring.Substring("&groups=".Length))}");
            Assert.InRange(on, 1, users.Count - 1);
        }

        var space = callers.Count(c => before[(c, "/api/space")] == "200 space api");
        Assert.InRange(space, 1, callers.Count - 1);
        Assert.All(callers, c => Assert.Contains("<p>dark mode</p>", before[(c, "/")]));
        Assert.All(callers, c => Assert.Equal("404", before[(c, "/api/retired")]));
    }

    /// <summary>Starts the built app on Kestrel (Development), asks every caller every endpoint, and stops it.</summary>
    private async Task<Dictionary<(string Caller, string Endpoint), string>> AskAsync(string app, List<string> callers, string[] endpoints, string? flagsBeta)
    {
        var port = WebServer.FreePort();
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = null,
            ["ASPNETCORE_URLS"] = null,
            ["FLAGS_BETA"] = flagsBeta,
        };
        using var server = WebServer.Start(
            environment,
            Path.Combine(app, "bin", "Debug", "net10.0", "FeatureFlagDemo.dll"), "--urls", $"http://127.0.0.1:{port}", "--contentRoot", app);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            await server.WaitUntilServingAsync(client, ServerStart);
            var answers = new Dictionary<(string, string), string>();
            using var gate = new SemaphoreSlim(8);
            var asks = callers.SelectMany(caller => endpoints.Select(endpoint => (caller, endpoint))).Select(async ask =>
            {
                await gate.WaitAsync();
                try
                {
                    using var response = await client.GetAsync(ask.endpoint + ask.caller);
                    var body = Regex.Replace((await response.Content.ReadAsStringAsync()).Trim(), @"\s*\n\s*", string.Empty);
                    var answer = body.Length == 0 ? ((int)response.StatusCode).ToString() : $"{(int)response.StatusCode} {body}";
                    lock (answers)
                    {
                        answers.Add(ask, answer);
                    }
                }
                finally
                {
                    gate.Release();
                }
            });
            await Task.WhenAll(asks);
            Assert.True(server.IsRunning, "the app stopped:\n" + server.Output);
            return answers;
        }
        finally
        {
            server.Stop();
        }
    }

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
