using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>
/// The typedflags tool as a user gets it: packed to a local feed, installed with <c>dotnet tool install --tool-path</c>,
/// and run as its own command against the console sample (with a path, and from the sample's directory without one),
/// and report over samples/.
/// </summary>
public sealed class CliToolTests
{
    [Fact]
    public void The_installed_tool_validates_and_lists_the_console_sample()
    {
        var tool = InstalledTool.Path;
        var sample = Path.Combine("samples", "TypedFlags.Samples.Console", "flags.yaml");

        var validate = DotNetCli.RunProgram(tool, RepositoryRoot.Path, TimeSpan.FromMinutes(1), environment: null, "validate", sample);
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains("1 file(s), 13 flag(s): no errors.", validate.Output);

        var list = DotNetCli.RunProgram(tool, RepositoryRoot.Path, TimeSpan.FromMinutes(1), environment: null, "list", sample, "--today", "2026-12-01");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("invoices.write", list.Output);
        Assert.Contains("VITE_PAYMENTS_SEPA_DIRECT_DEBIT", list.Output);
        Assert.Contains("BILLING_READ_ONLY", list.Output);
        Assert.Contains("launched, past lifetime", list.Output);

        // Without PATH the tool reads ./flags.yaml, and says so when there is none.
        var here = DotNetCli.RunProgram(tool, Path.Combine(RepositoryRoot.Path, "samples", "TypedFlags.Samples.Console"), TimeSpan.FromMinutes(1), environment: null, "validate");
        Assert.True(here.ExitCode == 0, here.ToString());
        var empty = Directory.CreateTempSubdirectory("typedflags-nowhere-");
        try
        {
            var nowhere = DotNetCli.RunProgram(tool, empty.FullName, TimeSpan.FromMinutes(1), environment: null, "validate");
            Assert.Equal(1, nowhere.ExitCode);
            Assert.Contains("typedflags: no flags.yaml in the current directory", nowhere.Output);
            Assert.DoesNotContain("   at ", nowhere.Output);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void The_installed_tool_reports_on_the_samples()
    {
        var tool = InstalledTool.Path;

        // SARIF for code scanning: the sample's two launched flags are results at flags.yaml and at their uses.
        var sarif = DotNetCli.RunProgram(tool, RepositoryRoot.Path, TimeSpan.FromMinutes(1), environment: null, "report", "--project", "samples", "--format", "sarif", "--today", "2026-12-01");
        Assert.True(sarif.ExitCode == 0, sarif.ToString());
        using (var log = JsonDocument.Parse(sarif.Output))
        {
            var run = log.RootElement.GetProperty("runs")[0];
            Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
            var uses = run.GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString() == "TF1102")
                .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())
                .ToList();
            Assert.Equal(new[] { "TypedFlags.Samples.Console/flags.yaml", "TypedFlags.Samples.Console/Program.cs", "TypedFlags.Samples.Console/flags.yaml", "TypedFlags.Samples.Console/Program.cs" }, uses);
        }

        // Markdown from the samples directory itself (--project defaults to it), failing on the stale flags.
        var markdown = DotNetCli.RunProgram(tool, Path.Combine(RepositoryRoot.Path, "samples"), TimeSpan.FromMinutes(1), environment: null, "report", "--today", "2026-12-01", "--fail-on", "stale");
        Assert.Equal(1, markdown.ExitCode);
        Assert.Contains("## TypedFlags report", markdown.Output);
        // Every sample's flags.yaml is in it (console, web API, store: more may come), each flag in the table once.
        Assert.Matches(@"\d+ flags in [3-9] flags\.yaml files", markdown.Output);
        Assert.Contains("`invoices.read`", markdown.Output);
        Assert.Contains("`ops.read_only_mode`", markdown.Output);
        Assert.Contains("typedflags: 2 flag(s) match --fail-on stale: invoices.read, v0.templates.", markdown.Output);

        var usage = DotNetCli.RunProgram(tool, RepositoryRoot.Path, TimeSpan.FromMinutes(1), environment: null, "report", "--fail-on", "someday");
        Assert.Equal(2, usage.ExitCode);
        Assert.DoesNotContain("   at ", usage.Output);
    }


}
