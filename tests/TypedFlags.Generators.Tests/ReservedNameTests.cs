using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using TypedFlags.Generators.Tests.Infrastructure;
using TypedFlags.Manifest.Naming;
using Xunit;

namespace TypedFlags.Generators.Tests;

/// <summary>
/// A flag whose accessor would clash with a member of a generated type is a TF0012 at its key, never a C# error or
/// warning in generated code (issue 11, item 5). The reserved names are checked against what the emitter really
/// emits: every member of every generated type, inherited ones included.
/// </summary>
public sealed class ReservedNameTests
{
    private const string EveryKind = """
        version: 1
        flags:
          beta.banner:
            description: Banner
          max.results:
            description: Results
            type: int
            default: 3
          rate:
            description: Rate
            type: double
            default: 0.5
          motd:
            description: Message
            type: string
            default: hi
          checkout.layout:
            description: Layout
            type: variant
            variants: [classic, checkout-layout, to-string, has-flag, get-type, equals, reference-equals]
        """;

    [Fact]
    public void Every_member_of_every_generated_type_is_a_reserved_name_or_an_accessor()
    {
        var result = GeneratorHarness.Run(EveryKind);
        Assert.Empty(result.AllDiagnostics);
        Assert.Empty(result.CompilerDiagnostics);

        var flags = result.Compilation.GetTypeByMetadataName("Contoso.Billing.Flags")!;
        var generatedTypes = new[] { flags, flags.GetTypeMembers(GeneratedNames.KeysClass).Single(), result.Compilation.GetTypeByMetadataName("Contoso.Billing.FlagsOverrides")! };
        var accessors = new[] { "BetaBanner", "MaxResults", "Rate", "Motd", "CheckoutLayout" };
        var allowed = new HashSet<string>(GeneratedNames.ReservedMembers.Concat(accessors), StringComparer.Ordinal);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in generatedTypes)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                // Members imported from referenced assemblies are the ones a consumer can see (public and protected).
                foreach (var member in current.GetMembers().Where(m => m.CanBeReferencedByName && !(m is IMethodSymbol { MethodKind: MethodKind.Constructor })))
                {
                    seen.Add(member.Name);
                    Assert.True(allowed.Contains(member.Name), $"{type.Name} has member '{member.Name}' (from {current.Name}), which GeneratedNames does not reserve");
                }
            }
        }

        // The walk reached the private CreateManifest, FlagTestOverrides' protected members and object's static ones.
        Assert.Contains(GeneratedNames.CreateManifestMethod, seen);
        Assert.Contains(GeneratedNames.OverridesSetOrClearMethod, seen);
        Assert.Contains("ReferenceEquals", seen);
    }

    [Fact]
    public void A_flag_named_after_each_reserved_member_or_generated_type_is_TF0012_at_its_key_and_the_rest_compiles_cleanly()
    {
        var names = GeneratedNames.ReservedMembers.Concat(new[] { "AppFlags", "AppFlagsOverrides" }).ToList();
        var manifest = new StringBuilder("version: 1\nclass: AppFlags\nflags:\n  kept.flag:\n    description: Survives\n");
        var lines = new Dictionary<string, int>();
        foreach (var name in names)
        {
            var key = Kebab(name);
            lines[key] = manifest.ToString().Count(c => c == '\n') + 1;
            manifest.Append($"  {key}:\n    description: Clashes\n    type: variant\n    variants: [a, b]\n");
        }

        var result = GeneratorHarness.Run(manifest.ToString());

        var described = result.Described;
        Assert.Equal(names.Count, described.Count);
        foreach (var name in names)
        {
            var key = Kebab(name);
            Assert.Contains(described, d => d.StartsWith($"TF0012 {GeneratorHarness.ManifestPath}({lines[key]},3): Flag key '{key}' produces the C# name '{name}', which ", StringComparison.Ordinal));
        }

        // No CS error, and no CS warning either: TreatWarningsAsErrors must not turn a hidden member into a failure.
        Assert.Empty(result.CompilerDiagnostics);
        Assert.Contains("KeptFlag", result.GeneratedSource("Contoso.Billing.AppFlags.g.cs"));
    }

    [Fact]
    public void The_issue_examples_are_TF0012_with_a_message_that_names_the_member()
    {
        const string manifest = "version: 1\nclass: AppFlags\nflags:\n  create-manifest:\n    description: x\n  get:\n    description: x\n  set-or-clear:\n    description: x\n  app-flags-overrides:\n    description: x\n";

        var result = GeneratorHarness.Run(manifest);

        Assert.Equal(
            new[]
            {
                "TF0012 /project/flags.yaml(4,3): Flag key 'create-manifest' produces the C# name 'CreateManifest', which is a member the generator emits in class 'AppFlags'",
                "TF0012 /project/flags.yaml(6,3): Flag key 'get' produces the C# name 'Get', which is a member the generated 'AppFlagsOverrides' class inherits from TypedFlags.FlagTestOverrides",
                "TF0012 /project/flags.yaml(8,3): Flag key 'set-or-clear' produces the C# name 'SetOrClear', which is a member the generated 'AppFlagsOverrides' class inherits from TypedFlags.FlagTestOverrides",
                "TF0012 /project/flags.yaml(10,3): Flag key 'app-flags-overrides' produces the C# name 'AppFlagsOverrides', which is the name of the generated overrides class, whose properties cannot share it",
            },
            result.Described);
        Assert.Empty(result.CompilerDiagnostics);
    }

    [Theory]
    [InlineData("Keys")]
    [InlineData("Manifest")]
    [InlineData("CreateManifest")]
    [InlineData("Engine")]
    [InlineData("Create")]
    [InlineData("ForTesting")]
    public void A_class_named_after_one_of_its_members_is_TF0015_at_the_class(string className)
    {
        var result = GeneratorHarness.Run($"version: 1\nclass: {className}\nflags:\n  a.b:\n    description: x\n");

        Assert.Equal(
            new[] { $"TF0015 /project/flags.yaml(2,8): '{className}' is not a valid class name: the generated class has a member of that name; choose another name" },
            result.Described);
        Assert.Empty(result.CompilerDiagnostics);
    }

    private static string Kebab(string pascal)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
