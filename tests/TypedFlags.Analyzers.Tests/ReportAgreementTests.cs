using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TypedFlags.Analyzers.Tests.Infrastructure;
using TypedFlags.Cli;
using TypedFlags.Cli.Report;
using Xunit;

namespace TypedFlags.Analyzers.Tests;

/// <summary>
/// One rule, two sides: `typedflags report` finds flag references from syntax alone, the analyzers from the semantic
/// model. Over the same flags.yaml and C# on the same day, they must call the same flags unused (TF1104) and see the
/// same uses of stale flags (TF1101/TF1102 at each use: the same flag on the same line, as many times).
/// </summary>
public sealed class ReportAgreementTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "accessors", """
            public static class Uses
            {
                public static bool A(Consumer.Flags flags) => flags.BetaBanner.IsEnabled && flags.NewCheckout.IsEnabled;
                public static bool B(Consumer.Flags? flags) => flags?.OldSearch.IsEnabled == true;
                public static int C(Consumer.Flags flags) => flags.OpsLimit.Value;
            }
            """ },
        { "keys constants and key strings at FlagManifest.IndexOf", """
            public static class Uses
            {
                public static int A(Consumer.Flags flags) => flags.Engine.Manifest.IndexOf(Consumer.Flags.Keys.NewCheckout);
                public static int B(Consumer.Flags flags) => flags.Engine.Manifest.IndexOf("old.search");
                public static string C() => Consumer.Flags.Keys.LegacyExport;
            }
            """ },
        { "Keys constants imported with using static", """
            using static Consumer.Flags.Keys;

            public static class Uses
            {
                public static int A(Consumer.Flags flags) => flags.Engine.Manifest.IndexOf(OldSearch);
                public static string B() => NewCheckout;
            }
            """ },
        { "Microsoft.FeatureManagement, case-insensitive keys", """
            using Microsoft.FeatureManagement;

            public static class Uses
            {
                public static System.Threading.Tasks.Task<bool> A(IFeatureManager features) => features.IsEnabledAsync("OLD.SEARCH");
                public static System.Threading.Tasks.Task<bool> B(IFeatureManager features) => features.IsEnabledAsync(feature: "new.checkout");
            }
            """ },
        { "a [FlagKey] wrapper and a constant", """
            using TypedFlags;

            public sealed class Gate(Consumer.Flags flags)
            {
                private const string Export = "legacy.export";

                public bool IsOn([FlagKey] string key) => flags.Engine.Manifest.IndexOf(key) >= 0;

                public bool A() => IsOn("new.checkout") && IsOn(Export);
            }
            """ },
        { "keys that are not uses", """
            public static class Uses
            {
                // flags.OldSearch and "new.checkout" in a comment.
                public static string A() => "beta.banner";
                public static void B() => System.Console.WriteLine("legacy.export");
            }
            """ },
        { "test overrides", """
            public static class Uses
            {
                public static object A() => new Consumer.FlagsOverrides { BetaBanner = true, NewCheckout = false };

                public static void B(Consumer.FlagsOverrides overrides) => overrides.OldSearch = true;

                public static bool C(Consumer.Flags flags) => flags.OpsLimit.Value > 0;
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Report_and_analyzers_agree_on_unused_flags_and_stale_uses(string name, string source)
    {
        var diagnostics = await new ConsumerProject(Manifests.Standard, source).DiagnosticsAsync();
        var analyzerUnused = diagnostics.Where(d => d.Id == "TF1104").Select(FlagOf).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var analyzerStaleUses = diagnostics
            .Where(d => d.Id is "TF1101" or "TF1102" && d.Location.GetLineSpan().Path == ConsumerProject.SourcePath(0))
            .Select(d => FlagOf(d) + "@" + (d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToList();

        var report = Report(source);
        var reportUnused = report.Flags.Where(f => f.Has("unused")).Select(f => f.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var reportStaleUses = report.Flags
            .Where(f => f.Has("expired") || f.Has("launched"))
            .SelectMany(f => f.References.Select(r => f.Key + "@" + r.Line))
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToList();

        Assert.True(analyzerStaleUses.Count + reportStaleUses.Count > 0 || name is "keys that are not uses" or "test overrides", "a case must exercise stale uses");
        Assert.Equal(analyzerUnused, reportUnused);
        Assert.Equal(analyzerStaleUses, reportStaleUses);
    }

    private static ReportDocument Report(string source)
    {
        var directory = Path.Combine(Path.GetTempPath(), "typedflags-report-agreement-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "flags.yaml"), Manifests.Standard);
            File.WriteAllText(Path.Combine(directory, "Source0.cs"), source);
            var output = new StringWriter { NewLine = "\n" };
            var error = new StringWriter { NewLine = "\n" };
            var exitCode = CliApp.Run(new[] { "report", "--project", directory, "--format", "json", "--today", ConsumerProject.Today }, new CliConsole(output, error, Rich: false));
            Assert.True(exitCode == 0, error.ToString());
            return JsonReport.Read(output.ToString())!;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The flag key the diagnostic's message names first ("Flag 'x' ...").</summary>
    private static string FlagOf(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage();
        var start = message.IndexOf('\'') + 1;
        return message.Substring(start, message.IndexOf('\'', start) - start);
    }
}
