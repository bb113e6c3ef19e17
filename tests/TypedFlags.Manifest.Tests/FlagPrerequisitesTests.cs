using System.Linq;
using TypedFlags.Manifest.Parsing;
using TypedFlags.Manifest.Staleness;
using Xunit;

namespace TypedFlags.Manifest.Tests;

public sealed class FlagPrerequisitesTests
{
    private const string Yaml = """
        version: 1
        flags:
          invoices.read:
            description: Read invoices
          invoices.write:
            description: Write invoices
            requires: [invoices.read]
          invoices.export:
            description: Export invoices
            requires: [invoices.read, invoices.write]
          orphan:
            description: Required by nobody
        """;

    [Fact]
    public void Dependents_are_the_flags_whose_requires_names_the_key_in_declaration_order_whatever_the_case_asked()
    {
        var flags = ManifestParser.Parse(Yaml).Model!.Flags;

        Assert.Equal(new[] { "invoices.write", "invoices.export" }, FlagPrerequisites.DependentsOf(flags, "INVOICES.READ"));
        Assert.Equal(new[] { "invoices.export" }, FlagPrerequisites.DependentsOf(flags, "invoices.write"));
        Assert.Empty(FlagPrerequisites.DependentsOf(flags, "orphan"));
        Assert.Empty(FlagPrerequisites.DependentsOf(flags, "not.declared"));
    }

    [Fact]
    public void Required_keys_are_every_prerequisite_once()
    {
        var required = FlagPrerequisites.RequiredKeys(ManifestParser.Parse(Yaml).Model!.Flags);

        Assert.Equal(new[] { "invoices.read", "invoices.write" }, required.Select(k => k.ToLowerInvariant()).OrderBy(k => k));
        Assert.Contains("INVOICES.WRITE", required);
    }
}
