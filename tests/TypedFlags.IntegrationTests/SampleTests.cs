using System;
using System.IO;
using Xunit;

namespace TypedFlags.IntegrationTests;

/// <summary>The README's sample command works and prints values with reasons for both environments.</summary>
public sealed class SampleTests
{
    [Fact]
    public void The_console_sample_prints_each_flag_with_its_reason_in_two_environments()
    {
        var root = RepositoryRoot.Path;

        var run = DotNetCli.Run(root, "run", "--project", Path.Combine("samples", "TypedFlags.Samples.Console"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var output = run.Output.Replace("\r", string.Empty);
        Assert.Contains("== Production ==", output);
        Assert.Contains("== Development ==", output);
        var production = output.Substring(output.IndexOf("== Production ==", StringComparison.Ordinal), output.IndexOf("== Development ==", StringComparison.Ordinal) - output.IndexOf("== Production ==", StringComparison.Ordinal));
        var development = output.Substring(output.IndexOf("== Development ==", StringComparison.Ordinal));

        // Declared deny (tenant:bigcorp) beats the beta phase; allow (alice) beats it in production.
        Assert.Contains("-- bob@bigcorp\n   invoices.read                              On (Phase)\n   invoices.write                             Off (TargetingMatch)", production);
        Assert.Contains("-- alice\n   invoices.read                              On (Phase)\n   invoices.write                             On (TargetingMatch)", production);
        Assert.Contains("unified_workflow_read                      Off (Default)", production);
        Assert.Contains("unified_workflow_read                      On (Environment)", development);
        Assert.Contains("sessionPersistence.phase2.enhancedStorage  Shadow (Default)", production);
        Assert.Contains("search.max_results                         500 (Environment)", development);
        Assert.Contains("support.banner_text                        \"All systems operational\" (Default)", production);
    }
}
