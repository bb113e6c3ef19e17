using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using Xunit;

namespace TypedFlags.FeatureManagement.Tests;

public sealed class FeatureManagementAdapterTests
{
    [Fact]
    public async Task One_environment_variable_changes_the_typed_accessor_and_every_feature_gate()
    {
        await using (var before = await MigratedApp.StartAsync())
        {
            Assert.Equal(new[] { "on", "200", "200", "home-on", "on", "True" }, await AnswersAsync(before));
        }

        Environment.SetEnvironmentVariable("FLAGS_HOME", "off");
        try
        {
            await using var after = await MigratedApp.StartAsync();
            Assert.Equal(new[] { "off", "404", "404", "home-off", "-", "False" }, await AnswersAsync(after));
        }
        finally
        {
            Environment.SetEnvironmentVariable("FLAGS_HOME", null);
        }
    }

    [Fact]
    public async Task A_configuration_override_reaches_the_gates_whichever_order_the_registrations_come_in()
    {
        foreach (var featureManagementFirst in new[] { true, false })
        {
            await using var app = await MigratedApp.StartAsync(new Dictionary<string, string?> { ["Flags:home"] = "false" }, featureManagementFirst: featureManagementFirst);
            Assert.Equal(new[] { "off", "404", "404", "home-off", "-", "False" }, await AnswersAsync(app));
        }
    }

    [Fact]
    public async Task The_caller_comes_from_the_registered_targeting_accessor_and_keeps_its_cohort()
    {
        await using var app = await MigratedApp.StartAsync(targetingAccessor: true);
        var filter = new ContextualTargetingFilter(Options.Create(new TargetingEvaluationOptions()), NullLoggerFactory.Instance);
        var settings = new TargetingFilterSettings
        {
            Audience = new Audience
            {
                Users = new List<string> { "alice" },
                Groups = new List<GroupRollout> { new() { Name = "Ring1", RolloutPercentage = 50 } },
                DefaultRolloutPercentage = 20,
                Exclusion = new BasicAudience { Users = new List<string> { "mallory" } },
            },
        };

        var callers = new List<(string? User, string Groups)> { ("alice", ""), ("mallory", "Ring1"), (null, ""), (null, "Ring1") };
        callers.AddRange(Enumerable.Range(0, 200).Select(i => ((string?)("user" + i), i % 2 == 0 ? "Ring1" : "")));
        var on = 0;
        foreach (var (user, groups) in callers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/beta");
            request.Headers.Add("X-User", user ?? string.Empty);
            request.Headers.Add("X-Groups", groups);
            var answer = await (await app.Client.SendAsync(request)).Content.ReadAsStringAsync();
            var expected = await filter.EvaluateAsync(
                new FeatureFilterEvaluationContext { FeatureName = "Beta", Settings = settings },
                new TargetingContext { UserId = user, Groups = groups.Split(',', StringSplitOptions.RemoveEmptyEntries) });
            Assert.True(expected == (answer == "on"), $"'{user}' in [{groups}]: Microsoft.FeatureManagement says {expected}, the adapter {answer}");
            on += answer == "on" ? 1 : 0;
        }

        Assert.InRange(on, 20, callers.Count - 20);
    }

    [Fact]
    public async Task Variants_and_explicit_contexts_answer_as_the_typed_accessor_and_Microsoft_FeatureManagement_do()
    {
        await using var app = await MigratedApp.StartAsync();
        var variants = app.Services.GetRequiredService<IVariantFeatureManager>();
        var features = app.Services.GetRequiredService<IFeatureManager>();
        var flags = app.Services.GetRequiredService<Flags>();
        var microsoft = new FeatureManager(new ConfigurationFeatureDefinitionProvider(new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(
            "{ \"feature_management\": { \"feature_flags\": [ { \"id\": \"CheckoutLayout\", \"enabled\": true, \"variants\": [ { \"name\": \"classic\" }, { \"name\": \"compact\" } ], " +
            "\"allocation\": { \"seed\": \"130\", \"percentile\": [ { \"variant\": \"classic\", \"from\": 0, \"to\": 50 }, { \"variant\": \"compact\", \"from\": 50, \"to\": 100 } ] } } ] } }"))).Build()));

        var seen = new HashSet<string>();
        for (var i = 0; i < 200; i++)
        {
            var context = new TargetingContext { UserId = "user" + i };
            var adapter = (await variants.GetVariantAsync("CheckoutLayout", context))!.Name;
            Assert.Equal((await microsoft.GetVariantAsync("CheckoutLayout", context))!.Name, adapter);
            Assert.Equal(flags.CheckoutLayout.GetValue("user" + i).ToString(), adapter, ignoreCase: true);
            seen.Add(adapter);
        }

        Assert.Equal(2, seen.Count);
        Assert.True(await features.IsEnabledAsync("beta", new TargetingContext { UserId = "alice" }));
        Assert.True(await features.IsEnabledAsync("Beta", new FlagContext { TargetingKey = "alice" }));
        Assert.False(await features.IsEnabledAsync("Beta", new TargetingContext { UserId = "mallory" }));
#pragma warning disable TF1001 // An undeclared name on purpose: the adapter answers false, as Microsoft.FeatureManagement does.
        Assert.False(await features.IsEnabledAsync("NoSuchFeature"));
#pragma warning restore TF1001
        Assert.Null(await variants.GetVariantAsync("Home", new TargetingContext()));
        Assert.Equal(
            new[] { "Home", "Beta", "CheckoutLayout", "TargetingTestFeature", "TargetingTestFeatureWithExclusion", "VariantFeaturePercentileOn", "VariantFeaturePercentileOff",
                "VariantFeatureAlwaysOff", "VariantFeatureDefaultDisabled", "VariantFeatureDefaultEnabled", "VariantFeatureUser", "VariantFeatureGroup",
                "VariantFeatureNoAllocation", "VariantFeatureIncorrectDefaultWhenEnabled", "VariantFeatureAlwaysOffNoAllocation" },
            await ToListAsync(features.GetFeatureNamesAsync()));
    }

    [Fact]
    public async Task The_snapshot_keeps_the_first_answer_for_the_rest_of_the_scope()
    {
        await using var app = await MigratedApp.StartAsync();
        using var scope = app.Services.CreateScope();
        var snapshot = scope.ServiceProvider.GetRequiredService<IFeatureManagerSnapshot>();
        var variantSnapshot = scope.ServiceProvider.GetRequiredService<IVariantFeatureManagerSnapshot>();
        Assert.Same(snapshot, variantSnapshot);
        Assert.True(await snapshot.IsEnabledAsync("Home"));

        // A reload that turns the flag off: the engine sees it at once, the scope keeps what it answered.
        var configuration = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        configuration["Flags:home"] = "false";
        configuration.Reload();
        Assert.False(app.Services.GetRequiredService<Flags>().Home.IsEnabled);
        Assert.True(await snapshot.IsEnabledAsync("Home"));
        using var next = app.Services.CreateScope();
        Assert.False(await next.ServiceProvider.GetRequiredService<IFeatureManagerSnapshot>().IsEnabledAsync("Home"));
    }

    [Fact]
    public async Task Every_endpoint_answers_the_same_before_and_after_the_migration()
    {
        // Before: Microsoft.FeatureManagement evaluates appsettings.mfm.json. After: TypedFlags evaluates the flags.yaml
        // `typedflags import` wrote from it. A fixed set of callers asks every gate, the tag helper and both managers.
        await using var before = await MigratedApp.StartAsync(targetingAccessor: true, beforeMigration: true);
        await using var after = await MigratedApp.StartAsync(targetingAccessor: true);
        var callers = new List<(string User, string Groups)> { ("alice", ""), ("mallory", "Ring0"), ("", ""), ("", "Ring1"), ("bob", "Blocked,Ring0"), ("carol", "Ring0") };
        callers.AddRange(Enumerable.Range(0, 60).Select(i => ("user" + i, i % 3 == 0 ? "Ring1" : i % 3 == 1 ? "Ring2,Ring1" : "")));
        var on = 0;
        foreach (var (user, groups) in callers)
        {
            var expected = await CallerAnswersAsync(before, user, groups);
            var actual = await CallerAnswersAsync(after, user, groups);
            Assert.True(expected.SequenceEqual(actual), $"'{user}' in [{groups}]: before {string.Join(" ", expected)}, after {string.Join(" ", actual)}");
            on += actual[0] == "on" ? 1 : 0;
        }

        Assert.InRange(on, 10, callers.Count - 10);
    }

    [Fact]
    public void The_apps_flags_yaml_is_what_typedflags_import_writes_from_its_old_configuration()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tf-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.mfm.json"), Path.Combine(directory, "appsettings.json"));
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exitCode = TypedFlags.Cli.CliApp.Run(new[] { "import", directory }, new TypedFlags.Cli.CliConsole(output, error, Rich: false));

            Assert.Equal(1, exitCode);
            Assert.Contains("VariantFeaturePercentileOff: callers that no allocation places get no variant", error.ToString());
            Assert.Equal(File.ReadAllText(Path.Combine(ProjectDirectory(), "flags.yaml")).Replace("\r\n", "\n"), output.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string ProjectDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>IsEnabledAsync, WithFeatureGate, [FeatureGate], the tag helper and GetVariantAsync for one caller.</summary>
    private static async Task<string[]> CallerAnswersAsync(MigratedApp app, string user, string groups)
    {
        var answers = new List<string>();
        foreach (var path in new[] { "/beta", "/beta-gate", "/mvc-beta", "/beta-page", "/variant" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-User", user);
            request.Headers.Add("X-Groups", groups);
            var response = await app.Client.SendAsync(request);
            answers.Add(response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadAsStringAsync()).Trim() : ((int)response.StatusCode).ToString());
        }

        return answers.ToArray();
    }

    /// <summary>The typed accessor, [FeatureGate], WithFeatureGate, the tag helper, UseForFeature and IsEnabledAsync, in that order.</summary>
    private static async Task<string[]> AnswersAsync(MigratedApp app)
    {
        var typed = await app.Client.GetStringAsync("/typed");
        var mvc = (int)(await app.Client.GetAsync("/mvc")).StatusCode;
        var minimal = (int)(await app.Client.GetAsync("/minimal")).StatusCode;
        var page = await app.Client.GetAsync("/page");
        var body = (await page.Content.ReadAsStringAsync()).Trim();
        var branch = page.Headers.TryGetValues("X-Home-Branch", out var values) ? values.Single() : "-";
        var enabled = await app.Services.GetRequiredService<IFeatureManager>().IsEnabledAsync("Home");
        return new[] { typed, mvc.ToString(), minimal.ToString(), body, branch, enabled.ToString() };
    }

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> names)
    {
        var list = new List<string>();
        await foreach (var name in names)
        {
            list.Add(name);
        }

        return list;
    }
}
