using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using TypedFlags.Manifest.Collections;
using TypedFlags.Manifest.Diagnostics;
using TypedFlags.Manifest.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace TypedFlags.Manifest.Parsing;

/// <summary>
/// Parses flags.yaml (format version 1) into a <see cref="ManifestModel"/> and located diagnostics. Never
/// throws for any input (except cancellation): YAML errors, hostile documents and internal failures all
/// come back as diagnostics.
/// </summary>
public static class ManifestParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly char[] LineBreaks = { '\r', '\n' };

    private const char ReplacementCharacter = '\uFFFD';

    /// <summary>Parses the raw bytes of a file, reporting invalid UTF-8 (TF0022) instead of guessing.</summary>
    public static ManifestParseResult ParseBytes(byte[] bytes, CancellationToken cancellationToken = default)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = ex.Index >= 0 ? ex.Index : 0;
            var invalid = ex.BytesUnknown is { Length: > 0 } unknown ? unknown[0] : (offset < bytes.Length ? bytes[offset] : (byte)0);
            var span = SpanOfByteOffset(bytes, offset);
            return Failure(Diagnostic(ManifestRules.InvalidEncoding, span, string.Format(System.Globalization.CultureInfo.InvariantCulture, "invalid byte 0x{0:X2} at offset {1}", invalid, offset)));
        }

        return Parse(text, cancellationToken);
    }

    /// <summary>
    /// Parses text that a compiler decoded from the file's bytes, as the generator and analyzers get it. Decoders
    /// replace bytes that are not UTF-8 with U+FFFD instead of failing, so the first U+FFFD is TF0022 there, like
    /// the bad byte <see cref="ParseBytes"/> finds; an author who means that character writes the escape
    /// <c>"\uFFFD"</c> in a double-quoted string.
    /// </summary>
    public static ManifestParseResult ParseDecoded(string text, CancellationToken cancellationToken = default)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var replaced = text.IndexOf(ReplacementCharacter);
        if (replaced >= 0)
        {
            var shift = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            var (line, column) = new LineMap(text.Substring(shift, replaced - shift)).Position(replaced - shift);
            var span = new SourceSpan(replaced, 1, line, column, line, column + 1);
            return Failure(Diagnostic(ManifestRules.InvalidEncoding, span, "the compiler could not decode the bytes here and read them as U+FFFD"));
        }

        return Parse(text, cancellationToken);
    }

    /// <summary>Parses the text of a file (a leading byte order mark is ignored).</summary>
    public static ManifestParseResult Parse(string text, CancellationToken cancellationToken = default)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        try
        {
            return ParseCore(text, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Last line of defence: a bug here must surface as a diagnostic, never as a generator crash (CS8785).
            return Failure(Diagnostic(ManifestRules.InternalError, SourceSpan.FileStart, "flags.yaml", ex.GetType().Name + ": " + ex.Message));
        }
    }

    private static ManifestParseResult ParseCore(string text, CancellationToken cancellationToken)
    {
        if (text.Length > ParseLimits.MaxCharacters)
        {
            return Failure(Diagnostic(ManifestRules.LimitExceeded, SourceSpan.FileStart, $"the file has {text.Length:N0} characters; the limit is {ParseLimits.MaxCharacters:N0}"));
        }

        var shift = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
            shift = 1;
        }

        var context = new ReaderContext(text, shift, cancellationToken);

        // Pass 1, streaming: YamlDotNet's representation model loads recursively, so a 10,000-deep document
        // would overflow the compiler's stack. The event parser is iterative; measure depth with it first.
        if (!CheckStructure(text, context, cancellationToken))
        {
            return Result(null, context, new List<FlagLocation>());
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            context.Report(ManifestRules.YamlSyntax, context.SpanOf(ex.Start, ex.End), CleanMessage(ex));
            return Result(null, context, new List<FlagLocation>());
        }

        if (stream.Documents.Count == 0)
        {
            context.Report(ManifestRules.MissingField, SourceSpan.FileStart, "version", "flags.yaml (the file is empty)");
            return Result(null, context, new List<FlagLocation>());
        }

        if (stream.Documents.Count > 1)
        {
            context.Report(ManifestRules.YamlSyntax, context.SpanOf(stream.Documents[1].RootNode), "flags.yaml must contain a single YAML document");
        }

        try
        {
            var reader = new ManifestReader(context, cancellationToken);
            var (model, locations) = reader.Read(stream.Documents[0]);
            return Result(model, context, locations, reader.ClassSpan, reader.NamespaceSpan);
        }
        catch (ParseLimitException ex)
        {
            context.Report(ManifestRules.LimitExceeded, SourceSpan.FileStart, ex.Message);
            return Result(null, context, new List<FlagLocation>());
        }
    }

    private static bool CheckStructure(string text, ReaderContext context, CancellationToken cancellationToken)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var events = 0;
        long parsedUpTo = 0;
        var flows = new Stack<(bool IsFlow, Mark Start)>();

        // YamlDotNet's loader reports an alias to an undefined anchor as "The anchor 'x' does not exists" at (1,1);
        // the event stream has the alias's position, so the check is made here, where the events pass by.
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (parser.MoveNext())
            {
                if ((++events & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                parsedUpTo = parser.Current!.End.Index;

                if (parser.Current is NodeEvent { Anchor.IsEmpty: false } anchored && parser.Current is not AnchorAlias)
                {
                    anchors.Add(anchored.Anchor.Value);
                }

                switch (parser.Current)
                {
                    case DocumentStart:
                        anchors.Clear();
                        break;
                    case AnchorAlias alias when !anchors.Contains(alias.Value.Value):
                        context.Report(
                            ManifestRules.YamlSyntax,
                            context.SpanOf(alias.Start, alias.End),
                            $"The alias '*{alias.Value.Value}' refers to an anchor '&{alias.Value.Value}' that is not defined before it; define the anchor first, or write the value instead of the alias.");
                        return false;
                    case MappingStart or SequenceStart:
                        flows.Push((parser.Current is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow }, parser.Current.Start));
                        if (++depth > ParseLimits.MaxDepth)
                        {
                            context.Report(ManifestRules.LimitExceeded, context.SpanOf(parser.Current!.Start, parser.Current.End), $"nesting deeper than {ParseLimits.MaxDepth} levels");
                            return false;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        flows.Pop();
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            var span = context.SpanOf(ex.Start, ex.End);
            if (ex.Message.IndexOf(" tab ", StringComparison.Ordinal) >= 0 && IndentationTab(text, parsedUpTo) is { } tab)
            {
                // YamlDotNet reports a tab used as indentation without a location (1,1), or at the end of the
                // scalar before it; the tab itself is the first one indenting a line after what parsed fine.
                span = context.SpanOf(new Mark(tab, 1, 1), new Mark(tab + 1, 1, 1));
            }

            context.Report(ManifestRules.YamlSyntax, span, CleanMessage(ex));
            return false;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way (an empty internal stack) on a '[' or '{' left open before more
            // block content, something typed in the IDE all the time: a syntax error, not an internal one.
            foreach (var (isFlow, start) in flows)
            {
                if (isFlow)
                {
                    context.Report(ManifestRules.YamlSyntax, context.SpanOf(start, new Mark(start.Index + 1, 1, 1)), "This '[' or '{' is not closed by a matching ']' or '}'.");
                    return false;
                }
            }

            context.Report(ManifestRules.YamlSyntax, context.SpanOf(new Mark(parsedUpTo, 1, 1), new Mark(parsedUpTo, 1, 1)), "The YAML parser could not continue after this point; check the indentation and brackets.");
            return false;
        }

        return true;
    }

    /// <summary>Offset of the first tab in the leading whitespace of a line that starts after <paramref name="from"/>.</summary>
    private static int? IndentationTab(string text, long from)
    {
        var i = (int)Math.Min(Math.Max(0, from), text.Length);
        while (i < text.Length)
        {
            var lineBreak = text.IndexOfAny(LineBreaks, i);
            if (lineBreak < 0)
            {
                return null;
            }

            i = lineBreak + 1;
            for (var j = i; j < text.Length && text[j] is ' ' or '\t'; j++)
            {
                if (text[j] == '\t')
                {
                    return j;
                }
            }
        }

        return null;
    }

    private static string CleanMessage(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...):"; the location is already ours.
        var message = ex.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0)
        {
            message = message.Substring(marker + 3);
        }

        return message.Trim();
    }

    private static ManifestParseResult Result(ManifestModel? model, ReaderContext context, List<FlagLocation> locations, SourceSpan? classSpan = null, SourceSpan? namespaceSpan = null) =>
        new(model, context.Diagnostics.ToEquatableArray(), locations.ToEquatableArray(), classSpan, namespaceSpan);

    private static ManifestParseResult Failure(ManifestDiagnostic diagnostic) =>
        new(null, EquatableArray.From(new[] { diagnostic }), EquatableArray<FlagLocation>.Empty);

    private static ManifestDiagnostic Diagnostic(ManifestRule rule, SourceSpan span, params string[] arguments) =>
        new(rule.Id, span, EquatableArray.From(arguments));

    private static SourceSpan SpanOfByteOffset(byte[] bytes, int offset)
    {
        // Locate the bad byte as Parse locates everything else: UTF-16 columns (an emoji is two, as in editors
        // and Roslyn), the same line breaks, and a leading byte order mark that is not a column but is counted
        // in offsets. The bytes before the bad one are valid UTF-8, so they decode.
        var prefix = StrictUtf8.GetString(bytes, 0, Math.Min(Math.Max(offset, 0), bytes.Length));
        var shift = prefix.Length > 0 && prefix[0] == '\uFEFF' ? 1 : 0;
        var (line, column) = new LineMap(prefix.Substring(shift)).Position(prefix.Length - shift);
        return new SourceSpan(prefix.Length, 1, line, column, line, column + 1);
    }
}
