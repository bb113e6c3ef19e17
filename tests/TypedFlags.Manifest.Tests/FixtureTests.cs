using System;
using System.IO;
using System.Linq;
using TypedFlags.Manifest.Parsing;
using TypedFlags.Manifest.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Manifest.Tests;

/// <summary>
/// Every fixture in tests/Fixtures/manifests: an invalid one reports exactly the diagnostics its header
/// expects, at the expected line and column, and leaves its broken flags out of the model; a valid one
/// reports nothing.
/// </summary>
public sealed class FixtureTests
{
    public static TheoryData<string> ValidFixtures() => new(ManifestFixture.ValidNames());

    public static TheoryData<string> InvalidFixtures() => new(ManifestFixture.InvalidNames());

    [Fact]
    public void Every_rule_that_text_can_produce_has_a_fixture()
    {
        var covered = ManifestFixture.InvalidNames().Select(ManifestFixture.Invalid).SelectMany(f => f.Expected).Select(e => e.Id).ToHashSet();

        // TF0022 needs bytes that are not UTF-8 (HostileInputTests); TF0023 and TF0099 come from the generator.
        var missing = Enumerable.Range(1, 21).Select(i => $"TF{i:D4}").Where(id => !covered.Contains(id)).ToArray();

        Assert.True(missing.Length == 0, "No fixture expects " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Invalid_fixture_reports_exactly_its_expected_diagnostics(string name)
    {
        var fixture = ManifestFixture.Invalid(name);
        Assert.NotEmpty(fixture.Expected);

        var result = ManifestParser.ParseBytes(fixture.Bytes);

        var expected = fixture.Expected.Select(e => e.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        var actual = result.Diagnostics.Select(d => $"{d.Id} {d.Span.StartLine}:{d.Span.StartColumn}").OrderBy(s => s, StringComparer.Ordinal).ToArray();
        Assert.True(
            expected.SequenceEqual(actual),
            $"{name}\nexpected: {string.Join(", ", expected)}\nactual:   {string.Join(", ", actual)}\n{string.Join("\n", result.Diagnostics)}");
        Assert.True(result.HasErrors);
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Invalid_fixture_leaves_exactly_its_broken_flags_out_of_the_model(string name)
    {
        var fixture = ManifestFixture.Invalid(name);
        var result = ManifestParser.ParseBytes(fixture.Bytes);

        if (fixture.NoModel)
        {
            Assert.Null(result.Model);
            return;
        }

        Assert.NotNull(result.Model);
        var modelled = result.Model!.Flags.Select(f => f.Key).ToArray();
        Assert.All(fixture.BrokenKeys, key => Assert.DoesNotContain(key, modelled));

        // Locations list the flags that were read (a key whose value is not a mapping is not); the model is
        // those minus the broken ones, in file order.
        var expected = result.Locations.Select(l => l.Key).Except(fixture.BrokenKeys, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, modelled);
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Diagnostic_spans_of_an_invalid_fixture_point_at_the_text_they_describe(string name)
    {
        var fixture = ManifestFixture.Invalid(name);
        var text = fixture.Text;
        var lines = text.Split('\n');

        foreach (var diagnostic in ManifestParser.ParseBytes(fixture.Bytes).Diagnostics)
        {
            var span = diagnostic.Span;
            Assert.InRange(span.Start, 0, text.Length);
            Assert.InRange(span.Start + span.Length, span.Start, text.Length);
            Assert.InRange(span.StartLine, 1, lines.Length);

            // Start (an offset) and StartLine:StartColumn (what editors show) name the same character.
            var lineStart = lines.Take(span.StartLine - 1).Sum(l => l.Length + 1) + (span.StartLine == 1 && text.StartsWith('\uFEFF') ? 1 : 0);
            Assert.Equal(lineStart + span.StartColumn - 1, span.Start);
        }
    }

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void Valid_fixture_has_no_diagnostics(string name)
    {
        var fixture = ManifestFixture.Valid(name);

        var result = ManifestParser.ParseBytes(fixture.Bytes);

        Assert.True(result.Diagnostics.IsEmpty, $"{name}:\n{string.Join("\n", result.Diagnostics)}");
        Assert.NotNull(result.Model);
        Assert.Empty(fixture.Expected);
        Assert.Equal(result.Locations.Select(l => l.Key), result.Model!.Flags.Select(f => f.Key));
    }

    [Fact]
    public void Valid_fixtures_cover_every_flag_field_and_every_top_level_field()
    {
        var texts = ManifestFixture.ValidNames().Select(n => ManifestFixture.Valid(n).Text).ToArray();

        foreach (var field in ManifestFields.TopLevel.Concat(ManifestFields.Flag).Concat(ManifestFields.Targeting).Concat(ManifestFields.ScheduleStep).Concat(ManifestFields.Lifetimes))
        {
            Assert.True(texts.Any(t => t.Contains(field + ":", StringComparison.Ordinal)), $"no valid fixture uses '{field}'");
        }
    }

    [Fact]
    public void Crlf_fixture_really_has_a_byte_order_mark_and_crlf_line_endings()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.ValidFixtures, "crlf-bom.yaml"));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        var lineFeeds = bytes.Count(b => b == (byte)'\n');
        var crlf = bytes.Zip(bytes.Skip(1)).Count(p => p.First == (byte)'\r' && p.Second == (byte)'\n');
        Assert.True(lineFeeds > 5);
        Assert.Equal(lineFeeds, crlf);
    }
}
