using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TypedFlags.Cli.Report;

/// <summary>
/// <c>--format sarif</c>: SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif). One rule per
/// finding kind (TF1101–TF1104) with its docs/diagnostics page as help URI; one result per finding
/// (<see cref="ReportRules.Findings"/>) with its location relative to the scanned directory; files the scan could not
/// read are tool execution notifications. Nothing machine- or time-dependent is written except the evaluated day.
/// </summary>
internal static class SarifReport
{
    /// <summary>The partialFingerprints key; bump the version if the fingerprint recipe ever changes.</summary>
    public const string FingerprintKey = "typedflagsFinding/v1";

    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The SARIF log, LF line ends.</summary>
    public static string Write(ReportDocument report)
    {
        var rules = new JsonArray();
        foreach (var rule in ReportRules.All)
        {
            rules.Add(new JsonObject
            {
                ["id"] = rule.Id,
                ["name"] = rule.Name,
                ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
                ["fullDescription"] = new JsonObject { ["text"] = rule.Description },
                ["helpUri"] = rule.HelpUri,
                ["help"] = new JsonObject { ["text"] = rule.Description + " See " + rule.HelpUri },
                ["defaultConfiguration"] = new JsonObject { ["level"] = rule.Level },
                ["properties"] = new JsonObject { ["tags"] = new JsonArray("feature-flags", "maintainability") },
            });
        }

        var results = new JsonArray();
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in ReportRules.Findings(report))
        {
            var region = new JsonObject { ["startLine"] = finding.Line, ["startColumn"] = finding.Column };
            if (finding.Code is not null)
            {
                region["snippet"] = new JsonObject { ["text"] = finding.Code };
            }

            results.Add(new JsonObject
            {
                ["ruleId"] = finding.Rule.Id,
                ["ruleIndex"] = IndexOf(finding.Rule),
                ["level"] = finding.Rule.Level,
                ["message"] = new JsonObject { ["text"] = finding.Message },
                ["locations"] = new JsonArray(Location(finding.Path, region)),
                ["partialFingerprints"] = new JsonObject { [FingerprintKey] = Fingerprint(finding, occurrences) },
                ["properties"] = new JsonObject { ["flagKey"] = finding.Flag.Key, ["owner"] = finding.Flag.Owner },
            });
        }

        var notifications = new JsonArray();
        foreach (var problem in report.Problems)
        {
            notifications.Add(new JsonObject
            {
                ["level"] = "warning",
                ["message"] = new JsonObject { ["text"] = problem.Message },
                ["locations"] = new JsonArray(Location(problem.Path, new JsonObject { ["startLine"] = problem.Line, ["startColumn"] = problem.Column })),
            });
        }

        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "typedflags",
                        ["informationUri"] = "https://github.com/typedflags/typedflags/blob/main/docs/cli.md",
                        ["rules"] = rules,
                    },
                },
                ["invocations"] = new JsonArray(new JsonObject
                {
                    ["executionSuccessful"] = true,
                    ["toolExecutionNotifications"] = notifications,
                    ["properties"] = new JsonObject { ["today"] = report.Today },
                }),
                ["columnKind"] = "utf16CodeUnits",
                ["results"] = results,
            }),
        };

        return log.ToJsonString(Options).Replace("\r\n", "\n") + "\n";
    }

    private static JsonObject Location(string path, JsonObject region) => new()
    {
        ["physicalLocation"] = new JsonObject
        {
            // Relative to the scanned directory; code scanning resolves it against the checkout (run from the root).
            ["artifactLocation"] = new JsonObject { ["uri"] = Uri.EscapeDataString(path).Replace("%2F", "/") },
            ["region"] = region,
        },
    };

    private static int IndexOf(ReportRule rule)
    {
        for (var i = 0; i < ReportRules.All.Count; i++)
        {
            if (ReportRules.All[i] == rule)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Stable between runs and across edits elsewhere in the file: the rule, the flag, the file and the trimmed code
    /// line (the declaration for findings in flags.yaml), plus which occurrence of that same line it is. Line numbers
    /// are left out on purpose, so adding a line above a use does not open a new alert and close the old one.
    /// </summary>
    private static string Fingerprint(ReportFinding finding, Dictionary<string, int> occurrences)
    {
        var identity = finding.Rule.Id + "\n" + finding.Flag.Key + "\n" + finding.Path + "\n" + (finding.Code ?? "declaration");
        occurrences.TryGetValue(identity, out var seen);
        occurrences[identity] = seen + 1;

        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(identity));
        var hex = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.Append(':').Append(seen + 1).ToString();
    }
}
