using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TypedFlags.Cli.Report;
using Xunit;

namespace TypedFlags.Cli.Tests.Report;

/// <summary>Code scanning matches alerts across runs by partialFingerprints: they must not churn when unrelated lines move.</summary>
public sealed class SarifFingerprintTests
{
    [Fact]
    public void Fingerprints_survive_lines_added_above_and_a_second_run()
    {
        using var directory = new TempDirectory();
        var root = FixtureRepository.CopyTo(directory);
        var before = Fingerprints(root);
        var again = Fingerprints(root);

        // Shift every line of a file with stale-flag uses and of flags.yaml.
        foreach (var relative in new[] { "src/Contoso.Web/Services/InvoiceExport.cs", "src/Contoso.Flags/flags.yaml" })
        {
            var path = Path.Combine(root, relative);
            File.WriteAllText(path, (relative.EndsWith(".cs") ? "// a new first line\n\n" : "# a new first line\n\n") + File.ReadAllText(path));
        }

        var after = Fingerprints(root);

        Assert.Equal(before, again);
        Assert.Equal(before.Select(f => f.Fingerprint), after.Select(f => f.Fingerprint));
        Assert.NotEqual(before.Select(f => f.Line), after.Select(f => f.Line));
    }

    private static (string Fingerprint, int Line)[] Fingerprints(string root)
    {
        var sarif = CliRunner.Run("report", "--project", root, "--format", "sarif", "--today", "2026-12-01").Out;
        return JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray()
            .Select(r => ((string)r!["partialFingerprints"]![SarifReport.FingerprintKey]!, (int)r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!))
            .ToArray();
    }
}
