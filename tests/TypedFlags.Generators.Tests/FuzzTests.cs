using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using TypedFlags.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Generators.Tests;

/// <summary>
/// Random mutations of a real manifest through the real generator driver: no exception may escape (that
/// would be CS8785 in a build) and every diagnostic must point inside flags.yaml.
/// </summary>
public sealed class FuzzTests
{
    private const int Iterations = 10_000;
    private const string Alphabet = ":-[]{}&*!|>'\"%@#,?\t\n\r .0123456789abcdefxyzTF\\\u00e9\u00a0\ufeff\u2028";

    private static readonly string[] Tokens =
    {
        "version: 1", "type: variant", "type: int", "default: shadow", "rollout: 100.0001", "requires: [", "&a", "*a", "<<: *a",
        "phase: nope", "schedule:", "- { at: 2026-13-01 }", "split: { x: 101 }", "env: 9BAD", "!!str", "? complex\n: key", "---", "...",
        "variants: []", "environments: { production: maybe }", "flags:", "  ", "\t", "namespace: class", "class: 1x",
    };

    [Fact]
    public void Ten_thousand_mutations_never_crash_the_generator_and_every_diagnostic_is_inside_the_file()
    {
        var seed = File.ReadAllText(RepositoryPaths.SampleManifest);
        var random = new Random(20261121);
        var compilation = GeneratorHarness.Compilation("class A { }");
        AdditionalText current = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, seed);
        var driver = GeneratorHarness.Driver(new[] { current });
        var withDiagnostics = 0;

        for (var i = 0; i < Iterations; i++)
        {
            var text = Mutate(seed, random);
            var next = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, text);
            driver = driver.ReplaceAdditionalText(current, next).RunGenerators(compilation);
            current = next;

            var result = driver.GetRunResult();
            var generator = result.Results.Single();
            Assert.True(generator.Exception is null, $"iteration {i}: {generator.Exception}\n--- input ---\n{text}");
            var lines = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines.Count;
            foreach (var diagnostic in result.Diagnostics)
            {
                Assert.StartsWith("TF", diagnostic.Id, StringComparison.Ordinal);
                var span = diagnostic.Location.GetLineSpan();
                Assert.Equal(GeneratorHarness.ManifestPath, span.Path);
                Assert.InRange(diagnostic.Location.SourceSpan.Start, 0, text.Length);
                Assert.InRange(diagnostic.Location.SourceSpan.End, 0, text.Length);
                Assert.InRange(span.StartLinePosition.Line, 0, lines - 1);
                Assert.InRange(span.EndLinePosition.Line, 0, lines - 1);
            }

            if (result.Diagnostics.Length > 0)
            {
                withDiagnostics++;
            }
        }

        // The mutations must actually break things most of the time, or this test proves little.
        Assert.InRange(withDiagnostics, Iterations / 2, Iterations);
    }

    private static string Mutate(string seed, Random random)
    {
        var builder = new StringBuilder(seed);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var position = random.Next(0, builder.Length + 1);
            switch (random.Next(0, 7))
            {
                case 0:
                    builder.Remove(position, Math.Min(random.Next(1, 40), builder.Length - position));
                    break;
                case 1:
                    for (var c = random.Next(1, 6); c > 0; c--)
                    {
                        builder.Insert(position, Alphabet[random.Next(Alphabet.Length)]);
                    }

                    break;
                case 2:
                    builder.Insert(position, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 3:
                    builder.Insert(LineStart(builder, position), "\n" + Tokens[random.Next(Tokens.Length)] + "\n");
                    break;
                case 4:
                    builder.Insert(LineStart(builder, position), new string(' ', random.Next(1, 5)));
                    break;
                case 5:
                    var lines = builder.ToString().Split('\n').ToList();
                    var a = random.Next(lines.Count);
                    var b = random.Next(lines.Count);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    builder.Clear().Append(string.Join("\n", lines));
                    break;
                default:
                    builder.Length = position;
                    break;
            }
        }

        return builder.ToString();
    }

    private static int LineStart(StringBuilder builder, int position)
    {
        while (position > 0 && builder[position - 1] != '\n')
        {
            position--;
        }

        return position;
    }
}
