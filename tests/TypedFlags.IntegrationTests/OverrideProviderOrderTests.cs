using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// Overrides through the packed package in a real console app: a later provider wins each field even when an
/// earlier one writes the flag as a value, and a broken appsettings.json keeps its kill switch while other files
/// reload. One consumer, built once, run in two modes.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class OverrideProviderOrderTests
{
    private const string Manifest = """
        version: 1
        class: ShopFlags
        env_prefix: VITE_
        flags:
          payments:
            description: Payments
          reviews:
            description: Reviews
          search.limit:
            description: Result limit
            type: int
            default: 50
        """;

    private const string Program = """"
        using Consumer.App;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;
        using TypedFlags;

        var warnings = new Warnings();
        if (args[0] == "order")
        {
            // The documented pattern: the flags' variables first, so the files win over them.
            var configuration = new ConfigurationBuilder()
                .SetBasePath(AppContext.BaseDirectory)
                .AddFlagEnvironmentVariables(ShopFlags.Manifest)
                .AddJsonFile("appsettings.json")
                .AddJsonFile("appsettings.Production.json")
                .Build();
            var flags = ShopFlags.Create(configuration, new FlagOptions { Logger = warnings, EnvironmentName = "Production" });
            var payments = flags.Payments.Evaluate("bob");
            Console.WriteLine($"payments={payments.Mode}/{payments.Reason}/{payments.Source}");
            var reviews = flags.Reviews.Evaluate("bob");
            Console.WriteLine($"reviews={reviews.Mode}/{reviews.Reason}/{reviews.Source}");
            foreach (var user in new[] { "bob", "alice" })
            {
                var limit = flags.SearchLimit.Evaluate(user);
                Console.WriteLine($"search.limit {user}={limit.Value}/{limit.Reason}/{limit.Source}");
            }
        }
        else
        {
            var directory = Directory.CreateTempSubdirectory("typedflags-broken-").FullName;
            var main = Path.Combine(directory, "appsettings.json");
            var other = Path.Combine(directory, "other.json");
            File.WriteAllText(main, """{ "Flags": { "payments": "kill" } }""");
            File.WriteAllText(other, """{ "Flags": { "reviews": "on" } }""");
            var configuration = new ConfigurationBuilder()
                .SetBasePath(directory)
                .AddJsonFile("appsettings.json", optional: false, reloadOnChange: true)
                .AddJsonFile("other.json", optional: false, reloadOnChange: true)
                .Build();
            var flags = ShopFlags.Create(configuration, new FlagOptions { Logger = warnings, EnvironmentVariables = false });
            Console.WriteLine($"start payments={flags.Payments.Evaluate("bob").Reason}");

            File.WriteAllText(main, """{ "Flags": { "payments": """);
            Wait(() => configuration["Flags:payments"] is null, "the broken appsettings.json to reload");
            File.WriteAllText(other, """{ "Flags": { "reviews": "off" } }""");
            Wait(() => flags.Reviews.Evaluate("bob").Mode == FlagMode.Off, "other.json to reload");
            File.WriteAllText(other, """{ "Flags": { "reviews": "on" } }""");
            Wait(() => flags.Reviews.Evaluate("bob").Mode == FlagMode.On, "other.json to reload again");

            var payments = flags.Payments.Evaluate("bob");
            Console.WriteLine($"after payments={payments.Mode}/{payments.Reason}/{payments.Source}");
            Console.WriteLine($"failure warnings={warnings.Messages.Count(m => m.Contains("lost all its values", StringComparison.Ordinal))}");
            Directory.Delete(directory, recursive: true);
        }

        Console.WriteLine($"warnings={warnings.Messages.Count}");

        static void Wait(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!condition())
            {
                if (DateTime.UtcNow > deadline)
                {
                    Console.WriteLine("timed out waiting for " + what);
                    Environment.Exit(2);
                }

                Thread.Sleep(50);
            }
        }

        sealed class Warnings : ILogger
        {
            public List<string> Messages { get; } = new();

            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var message = formatter(state, exception);
                lock (Messages)
                {
                    Messages.Add(message);
                }

                Console.WriteLine("warn: " + message);
            }
        }
        """";

    private static readonly object BuildGate = new();
    private static string? _built;

    private readonly PackageFeedFixture _feed;

    public OverrideProviderOrderTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public void A_later_file_wins_each_field_even_over_a_value_in_an_earlier_file_and_the_build_agrees()
    {
        var project = Build(out var buildOutput);

        // The build agrees: nothing in the files is an override the app would reject or ignore.
        Assert.DoesNotContain("TF2002", buildOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("TF2001", buildOutput, StringComparison.Ordinal);

        var order = DotNetCli.RunProgram("dotnet", project, TimeSpan.FromMinutes(2), new Dictionary<string, string?> { ["VITE_SEARCH_LIMIT"] = "5" }, "run", "--no-build", "--", "order");
        Assert.True(order.ExitCode == 0, order.ToString());
        var output = order.Output.Replace("\r", string.Empty);
        Assert.Contains("payments=Off/Killed/config:Flags:payments:State\n", output);
        Assert.Contains("reviews=On/Override/config:Flags:reviews:Value\n", output);
        Assert.Contains("search.limit bob=7/Override/config:Flags:search.limit:Value\n", output);
        Assert.Contains("search.limit alice=9/TargetingMatch/config:Flags:search.limit:Targets:alice\n", output);
        Assert.Contains("warnings=0\n", output);
    }

    [Fact]
    public void A_broken_appsettings_keeps_its_kill_while_another_file_reloads_with_one_warning()
    {
        var project = Build(out _);

        var broken = DotNetCli.RunProgram("dotnet", project, TimeSpan.FromMinutes(2), null, "run", "--no-build", "--", "broken");
        Assert.True(broken.ExitCode == 0, broken.ToString());
        var output = broken.Output.Replace("\r", string.Empty);
        Assert.Contains("start payments=Killed\n", output);
        Assert.Contains("after payments=Off/Killed/config:Flags:payments\n", output);
        Assert.Contains("failure warnings=1\n", output);
        Assert.Contains("warnings=1\n", output);
    }

    /// <summary>Creates and builds the consumer once for both tests.</summary>
    private string Build(out string buildOutput)
    {
        lock (BuildGate)
        {
            if (_built is null)
            {
                var project = _feed.CreateConsumer(
                    "ProviderOrderConsumer",
                    Manifest,
                    Program,
                    "<Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>",
                    extraItems: """
                        <PackageReference Include="Microsoft.Extensions.Configuration.Json" Version="10.0.14" />
                        <None Update="appsettings*.json" CopyToOutputDirectory="PreserveNewest" />
                        """);
                File.WriteAllText(Path.Combine(project, "appsettings.json"), """
                    { "Flags": { "payments": "on", "reviews": "off", "search.limit": "3" } }
                    """);
                File.WriteAllText(Path.Combine(project, "appsettings.Production.json"), """
                    { "Flags": { "payments": { "State": "kill" }, "reviews": { "Value": "on" }, "search.limit": { "Value": "7", "Targets": { "alice": "9" } } } }
                    """);

                var build = DotNetCli.Run(project, "build", "-c", "Debug");
                Assert.True(build.ExitCode == 0, build.ToString());
                _built = project;
                _buildOutput = build.Output;
            }

            buildOutput = _buildOutput!;
            return _built;
        }
    }

    private static string? _buildOutput;
}
