using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TypedFlags.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

/// <summary>
/// The build and the running app give the same verdict on the same appsettings file: every case goes through the
/// analyzer (TF2001/TF2002) and through a real engine over the file loaded by the JSON configuration provider
/// (its warnings), and both must name the same configuration paths.
/// </summary>
public sealed class OverrideAgreementTests
{
    private const string Manifest = """
        version: 1
        flags:
          beta.banner:
            description: Beta banner
          search.limit:
            description: Result limit
            type: int
          layout:
            description: Layout
            type: variant
            variants: [classic, compact]
        """;

    private static readonly FlagManifest Runtime = new(
        new[]
        {
            new FlagDefinition("beta.banner", FlagValueKind.Bool, "Beta banner", FlagValue.FromBool(false), "FLAGS_BETA_BANNER"),
            new FlagDefinition("search.limit", FlagValueKind.Int, "Result limit", FlagValue.FromInt(0), "FLAGS_SEARCH_LIMIT"),
            new FlagDefinition("layout", FlagValueKind.Variant, "Layout", FlagValue.FromVariant(0), "FLAGS_LAYOUT", variants: new[] { "classic", "compact" }),
        },
        Array.Empty<FlagPhase>());

    /// <summary>Each case: a flags section (or, starting with '{', a whole file) and the paths both sides must report.</summary>
    public static TheoryData<string, string[]> Cases() => new()
    {
        // Shapes that are not valid where they are written.
        { "\"beta.banner\": { \"Value\": [\"on\"] }", new[] { "Flags:beta.banner:Value" } },
        { "\"beta.banner\": { \"Value\": { \"x\": 1 } }", new[] { "Flags:beta.banner:Value" } },
        { "\"beta.banner\": { \"State\": [\"kill\"] }", new[] { "Flags:beta.banner:State" } },
        { "\"beta.banner\": [true]", new[] { "Flags:beta.banner" } },
        { "\"beta.banner\": { \"Targets\": [ { \"Value\": \"on\" } ] }", new[] { "Flags:beta.banner:Targets:0" } },
        { "\"beta.banner\": { \"Targets\": \"on\" }", new[] { "Flags:beta.banner:Targets" } },
        { "\"beta.banner\": { \"Targets\": { \"bob\": [\"on\"] } }", new[] { "Flags:beta.banner:Targets:bob" } },
        { "\"beta.banner\": { \"Allow\": { \"x\": \"alice\" } }", new[] { "Flags:beta.banner:Allow" } },
        { "\"beta.banner\": { \"Allow\": [ { \"x\": \"alice\" } ] }", new[] { "Flags:beta.banner:Allow:0" } },
        { "{ \"Flags\": \"on\" }", new[] { "Flags" } },

        // Targets without a name, in every place a target is written.
        { "\"beta.banner\": { \"Allow\": \"tenant:\" }", new[] { "Flags:beta.banner:Allow" } },
        { "\"beta.banner\": { \"Deny\": [\"group:\"] }", new[] { "Flags:beta.banner:Deny:0" } },
        { "\"beta.banner\": { \"Deny\": \"bob; GROUP: \" }", new[] { "Flags:beta.banner:Deny" } },
        { "\"beta.banner\": { \"Targets\": { \"tenant:\": \"on\" } }", new[] { "Flags:beta.banner:Targets:tenant:" } },
        { "\"beta.banner\": { \"Targets\": [ { \"Target\": \"group:\", \"Value\": \"on\" } ] }", new[] { "Flags:beta.banner:Targets:0:Target" } },

        // Percentages: digits and a decimal point only.
        { "\"beta.banner\": \"0,5%\"", new[] { "Flags:beta.banner" } },
        { "\"beta.banner\": \"5+%\"", new[] { "Flags:beta.banner" } },
        { "\"beta.banner\": { \"Rollout\": \"2,5\" }", new[] { "Flags:beta.banner:Rollout" } },
        { "\"beta.banner\": { \"Value\": \"1e1%\" }", new[] { "Flags:beta.banner:Value" } },

        // Values, fields that do not exist or apply, undeclared flags.
        { "\"beta.banner\": \"maybe\"", new[] { "Flags:beta.banner" } },
        { "\"beta.banner\": { \"Colour\": \"red\", \"Value\": \"on\" }", new[] { "Flags:beta.banner:Colour" } },
        { "\"search.limit\": { \"Allow\": \"bob\", \"Value\": 3 }", new[] { "Flags:search.limit:Allow" } },
        { "\"beta.banner\": { \"Targets\": { \"bob\": { \"Value\": \"on\", \"Colour\": 1 } } }", new[] { "Flags:beta.banner:Targets:bob:Colour" } },
        { "\"beta.banner\": { \"Targets\": { \"bob\": \"50%\" } }", new[] { "Flags:beta.banner:Targets:bob" } },
        { "\"beta.banner\": { \"Targets\": { \"bob\": { \"State\": \"active\" } } }", Array.Empty<string>() },
        { "\"search.limit\": { \"State\": \"off\" }", new[] { "Flags:search.limit:State" } },
        { "\"search.limit\": { \"Targets\": { \"bob\": { \"State\": \"7\" } } }", new[] { "Flags:search.limit:Targets:bob:State" } },
        { "\"beta.banner\": { \"Expires\": \"soon\" }", new[] { "Flags:beta.banner:Expires" } },
        { "\"beta.banner\": { \"Value\": \"on\", \"State\": \"off\" }", new[] { "Flags:beta.banner:Value" } },
        { "\"beta.baner\": true", new[] { "Flags:beta.baner" } },

        // Accepted as written.
        { "\"beta.banner\": { \"Allow\": \"Tenant:acme\" }", Array.Empty<string>() },
        { "\"beta.banner\": { \"Targets\": { \"Tenant:acme\": \"on\", \"GROUP:beta\": \"off\" } }", Array.Empty<string>() },
        { "\"beta.banner\": { \"Targets\": { \"tenant\": { \"Value\": \"on\" } } }", Array.Empty<string>() },
        { "\"beta.banner\": { \"Targets\": [ { \"Target\": \"urn:user:42\", \"State\": \"kill\" } ] }", Array.Empty<string>() },
        { "\"beta.banner\": \"0.5%\"", Array.Empty<string>() },
        { "\"beta.banner\": { \"Value\": \"on\", \"State\": \"true\", \"Rollout\": \"12.5\" }", Array.Empty<string>() },
        { "\"beta.banner\": null", Array.Empty<string>() },
        { "\"beta.banner\": {}", Array.Empty<string>() },
        { "\"beta.banner\": { \"Allow\": [] }", Array.Empty<string>() },
        { "\"layout\": { \"Targets\": { \"group:beta\": \"COMPACT\" }, \"State\": \"kill\" }", Array.Empty<string>() },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_analyzer_and_a_real_engine_report_the_same_paths(string flags, string[] expected)
    {
        var json = flags.StartsWith("{", StringComparison.Ordinal) ? flags : "{ \"Flags\": { " + flags + " } }";

        var project = new ConsumerProject(Manifest, "public static class Empty { }");
        project.AppSettings["appsettings.json"] = json;
        var built = (await project.DiagnosticsAsync())
            .Where(d => d.Id is "TF2001" or "TF2002")
            .Select(d => FirstQuoted(d.GetMessage(CultureInfo.InvariantCulture)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToArray();

        var run = RuntimeWarnings(json).Select(FirstQuoted).OrderBy(p => p, StringComparer.Ordinal).ToArray();

        Assert.Equal(expected.OrderBy(p => p, StringComparer.Ordinal), built);
        Assert.Equal(built, run);
    }

    private static List<string> RuntimeWarnings(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), "typedflags-agree-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();
            var logger = new Warnings();
            _ = new FlagEngine(Runtime, configuration, new FlagOptions { Logger = logger, EnvironmentVariables = false });
            return logger.Messages;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The path a message names: its first quoted text, without the runtime's <c>config:</c> source prefix.</summary>
    private static string FirstQuoted(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal) + 1;
        var quoted = message.Substring(start, message.IndexOf('\'', start) - start);
        return quoted.StartsWith("config:", StringComparison.Ordinal) ? quoted.Substring("config:".Length) : quoted;
    }

    private sealed class Warnings : ILogger
    {
        public List<string> Messages { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Messages.Add(formatter(state, exception));
            }
        }
    }
}
