using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
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
        // Kept on GeneratorHarness: it walks the symbols of the updated compilation, which the framework keeps to itself.
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
        // Kept on GeneratorHarness: it checks the start of each of ~30 messages (the rest says which type holds the
        // member); the framework compares whole messages or none.
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
    public async Task The_issue_examples_are_TF0012_with_a_message_that_names_the_member()
    {
        var test = new GeneratorVerifierTest("version: 1\nclass: AppFlags\nflags:\n  {|#0:create-manifest|}:\n    description: x\n  {|#1:get|}:\n    description: x\n  {|#2:set-or-clear|}:\n    description: x\n  {|#3:app-flags-overrides|}:\n    description: x\n");
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        var messages = new[]
        {
            "Flag key 'create-manifest' produces the C# name 'CreateManifest', which is a member the generator emits in class 'AppFlags'",
            "Flag key 'get' produces the C# name 'Get', which is a member the generated 'AppFlagsOverrides' class inherits from TypedFlags.FlagTestOverrides",
            "Flag key 'set-or-clear' produces the C# name 'SetOrClear', which is a member the generated 'AppFlagsOverrides' class inherits from TypedFlags.FlagTestOverrides",
            "Flag key 'app-flags-overrides' produces the C# name 'AppFlagsOverrides', which is the name of the generated overrides class, whose properties cannot share it",
        };
        for (var i = 0; i < messages.Length; i++)
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult("TF0012", DiagnosticSeverity.Error).WithLocation(i).WithMessage(messages[i]));
        }

        // No compiler diagnostic above hidden in the generated code either.
        await test.RunAsync();
    }

    [Theory]
    [InlineData("Keys")]
    [InlineData("Manifest")]
    [InlineData("CreateManifest")]
    [InlineData("Engine")]
    [InlineData("Create")]
    [InlineData("ForTesting")]
    public async Task A_class_named_after_one_of_its_members_is_TF0015_at_the_class(string className)
    {
        var test = new GeneratorVerifierTest($"version: 1\nclass: {{|#0:{className}|}}\nflags:\n  a.b:\n    description: x\n");
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        test.ExpectedDiagnostics.Add(new DiagnosticResult("TF0015", DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage($"'{className}' is not a valid class name: the generated class has a member of that name; choose another name"));

        await test.RunAsync();
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
