using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using TypedFlags.Manifest.Collections;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Naming;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TypedFlags.Manifest.Parsing;

/// <summary>
/// State shared while reading one document: the diagnostics found so far, the node-visit budget that
/// bounds alias expansion, and the typed readers for scalars and lists. Every reader reports a located
/// diagnostic and returns null instead of throwing, so one bad value never hides the next one.
/// </summary>
internal sealed class ReaderContext
{
    private readonly List<ManifestDiagnostic> _diagnostics = new();
    private readonly int _offsetShift;
    private readonly LineMap _lines;
    private readonly CancellationToken _cancellationToken;
    private int _visits;

    public ReaderContext(string text, int offsetShift, CancellationToken cancellationToken)
    {
        _lines = new LineMap(text);
        _offsetShift = offsetShift;
        _cancellationToken = cancellationToken;
    }

    public List<ManifestDiagnostic> Diagnostics => _diagnostics;

    public int ErrorCount { get; private set; }

    /// <summary>Counts a node visit; aliases make the same node reachable many times, so this bounds total work.</summary>
    public void Visit()
    {
        if (++_visits > ParseLimits.MaxNodeVisits)
        {
            throw new ParseLimitException($"more than {ParseLimits.MaxNodeVisits:N0} nodes after expanding aliases");
        }

        if ((_visits & 0x3FF) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public void Report(ManifestRule rule, YamlNode node, params string[] arguments) => Report(rule, SpanOf(node), arguments);

    public void Report(ManifestRule rule, SourceSpan span, params string[] arguments)
    {
        // One aliased bad value can be reached millions of times within the node budget; without this cap a
        // 40 KB file produced millions of diagnostics (gigabytes, many seconds). The TF0021 itself always gets in.
        if (_diagnostics.Count >= ParseLimits.MaxDiagnostics && rule.Id != ManifestRules.LimitExceeded.Id)
        {
            throw new ParseLimitException($"more than {ParseLimits.MaxDiagnostics:N0} problems; fix these first");
        }

        if (rule.Severity == ManifestSeverity.Error)
        {
            ErrorCount++;
        }

        _diagnostics.Add(new ManifestDiagnostic(rule.Id, span, EquatableArray.From(arguments)));
    }

    public SourceSpan SpanOf(YamlNode node) => SpanOf(node.Start, node.End);

    /// <summary>The 1-based line of <paramref name="node"/>, for messages that point back to an earlier entry.</summary>
    public string LineOf(YamlNode node) => SpanOf(node).StartLine.ToString(CultureInfo.InvariantCulture);

    public SourceSpan SpanOf(Mark start, Mark end) => _lines.Span(start.Index, end.Index, _offsetShift);

    /// <summary>The fields of a mapping, by name, reporting unknown and non-string keys.</summary>
    public Dictionary<string, Field> Fields(YamlMappingNode mapping, string[] known, string where)
    {
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var pair in mapping.Children)
        {
            Visit();
            if (pair.Key is not YamlScalarNode keyNode || keyNode.Value is null)
            {
                Report(ManifestRules.InvalidValue, pair.Key, Describe(pair.Key), "key in " + where, "a field name");
                continue;
            }

            var name = keyNode.Value;
            if (Array.IndexOf(known, name) < 0)
            {
                Report(ManifestRules.UnknownField, keyNode, name, where, Suggestions.DidYouMean(name, known));
                continue;
            }

            if (fields.TryGetValue(name, out var first))
            {
                Report(ManifestRules.DuplicateName, keyNode, "Field", name, LineOf(first.Key));
                continue;
            }

            fields.Add(name, new Field(name, keyNode, pair.Value));
        }

        return fields;
    }

    /// <summary>The entries of a mapping whose keys are user-chosen names (flags, phases, environments...).</summary>
    public List<Field> Entries(YamlMappingNode mapping, string what, string where)
    {
        var entries = new List<Field>(mapping.Children.Count);
        var seen = new Dictionary<string, YamlScalarNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in mapping.Children)
        {
            Visit();
            if (pair.Key is not YamlScalarNode keyNode || keyNode.Value is null || keyNode.Value.Length == 0)
            {
                Report(ManifestRules.InvalidValue, pair.Key, Describe(pair.Key), what + " name in " + where, "a non-empty name");
                continue;
            }

            if (seen.TryGetValue(keyNode.Value, out var first))
            {
                Report(ManifestRules.DuplicateName, keyNode, Capitalize(what), keyNode.Value, LineOf(first));
                continue;
            }

            seen.Add(keyNode.Value, keyNode);
            entries.Add(new Field(keyNode.Value, keyNode, pair.Value));
        }

        return entries;
    }

    public YamlMappingNode? Mapping(YamlNode node, string field, string expected)
    {
        Visit();
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        Report(ManifestRules.InvalidValue, node, Describe(node), field, expected);
        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode node, string field, string expected)
    {
        Visit();
        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        Report(ManifestRules.InvalidValue, node, Describe(node), field, expected);
        return null;
    }

    /// <summary>A string scalar (quoted, or plain text that does not resolve to a number, boolean or null).</summary>
    public string? String(YamlNode node, string field, bool allowEmpty = false)
    {
        Visit();
        if (node is YamlScalarNode scalar && YamlScalars.Resolve(scalar) == ScalarKind.String && (allowEmpty || scalar.Value!.Length > 0))
        {
            return scalar.Value!;
        }

        Report(ManifestRules.InvalidValue, node, Describe(node), field, allowEmpty ? "a string" : "a non-empty string");
        return null;
    }

    /// <summary>Any non-null scalar, as text: free-form values such as metadata and user ids.</summary>
    public string? Text(YamlNode node, string field)
    {
        Visit();
        if (node is YamlScalarNode scalar && YamlScalars.Resolve(scalar) != ScalarKind.Null)
        {
            return scalar.Value!;
        }

        Report(ManifestRules.InvalidValue, node, Describe(node), field, "a string, number or boolean");
        return null;
    }

    /// <summary>One of a fixed set of lower-case words.</summary>
    public int? OneOf(YamlNode node, string field, string[] accepted)
    {
        Visit();
        if (node is YamlScalarNode scalar && YamlScalars.Resolve(scalar) == ScalarKind.String)
        {
            var index = Array.IndexOf(accepted, scalar.Value);
            if (index >= 0)
            {
                return index;
            }
        }

        var suggestion = node is YamlScalarNode s && s.Value is not null ? Suggestions.DidYouMean(s.Value, accepted) : string.Empty;
        Report(ManifestRules.InvalidValue, node, Describe(node), field, "one of " + string.Join(", ", accepted) + suggestion);
        return null;
    }

    /// <summary>A percentage 0..100 with at most three decimals, as thousandths of a percent.</summary>
    public int? Percent(YamlNode node, string field)
    {
        Visit();
        if (node is not YamlScalarNode scalar || YamlScalars.Resolve(scalar) is not (ScalarKind.Int or ScalarKind.Float)
            || !YamlScalars.TryParseDecimal(scalar.Value!, out var value))
        {
            Report(ManifestRules.InvalidValue, node, Describe(node), field, "a percentage from 0 to 100");
            return null;
        }

        if (value < 0 || value > 100)
        {
            Report(ManifestRules.OutOfRange, node, field, $"{scalar.Value} is not between 0 and 100");
            return null;
        }

        var thousandths = value * 1000;
        if (thousandths != decimal.Truncate(thousandths))
        {
            Report(ManifestRules.OutOfRange, node, field, $"{scalar.Value} has more than 3 decimals (the finest rollout step is 0.001%)");
            return null;
        }

        return (int)thousandths;
    }

    /// <summary>A calendar date written yyyy-MM-dd.</summary>
    public DateTime? Date(YamlNode node, string field)
    {
        Visit();
        if (node is YamlScalarNode scalar && YamlScalars.Resolve(scalar) == ScalarKind.String
            && TemporalText.TryParseDate(scalar.Value!, out var date))
        {
            return date;
        }

        // 2026-02-30 has the right shape; say that the day does not exist rather than repeat the format.
        var expected = node is YamlScalarNode { Value: { } text } && TemporalText.LooksLikeDate(text)
            ? "a day that exists in the calendar"
            : "a date written yyyy-MM-dd";
        Report(ManifestRules.InvalidDate, node, TextOf(node), field, expected);
        return null;
    }

    /// <summary>A date (00:00 UTC) or an ISO 8601 date and time with a UTC offset.</summary>
    public DateTime? Instant(YamlNode node, string field)
    {
        Visit();
        if (node is YamlScalarNode scalar && YamlScalars.Resolve(scalar) == ScalarKind.String
            && TemporalText.TryParseInstant(scalar.Value!, out var instant))
        {
            return instant;
        }

        Report(ManifestRules.InvalidDate, node, TextOf(node), field, "a date (yyyy-MM-dd) or a date and time with offset (yyyy-MM-ddTHH:mm:ssZ)");
        return null;
    }

    /// <summary>A duration <c>Nd</c> or <c>Nw</c>; with <paramref name="allowNever"/>, <c>never</c> yields <see cref="Duration.Never"/>.</summary>
    public Duration? Duration(YamlNode node, string field, bool allowNever)
    {
        Visit();
        if (node is YamlScalarNode scalar && YamlScalars.Resolve(scalar) == ScalarKind.String)
        {
            if (allowNever && scalar.Value == "never")
            {
                return Parsing.Duration.Never;
            }

            if (TemporalText.TryParseDays(scalar.Value!, out var days))
            {
                return new Duration(days);
            }
        }

        Report(ManifestRules.InvalidDuration, node, TextOf(node), field, allowNever ? "a number of days or weeks (30d, 6w) or never" : "a number of days or weeks (30d, 6w)");
        return null;
    }

    /// <summary>A list of strings (each checked by <see cref="String"/>).</summary>
    public List<(string Value, YamlNode Node)>? StringList(YamlNode node, string field, bool anyScalar = false)
    {
        var sequence = Sequence(node, field, "a list");
        if (sequence is null)
        {
            return null;
        }

        var items = new List<(string, YamlNode)>(sequence.Children.Count);
        foreach (var child in sequence.Children)
        {
            var value = anyScalar ? Text(child, field) : String(child, field);
            if (value is not null)
            {
                items.Add((value, child));
            }
        }

        return items;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => $"'{Truncate(scalar.Value ?? string.Empty)}' ({YamlScalars.Describe(YamlScalars.Resolve(scalar))})",
        YamlSequenceNode => "(a list)",
        YamlMappingNode => "(a mapping)",
        _ => "(an unsupported node)",
    };

    private static string TextOf(YamlNode node) => node is YamlScalarNode scalar ? Truncate(scalar.Value ?? string.Empty) : Describe(node);

    private static string Truncate(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
