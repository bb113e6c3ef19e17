using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedFlags.Cli.Cleanup;

/// <summary>One place C# names a flag being cleaned up.</summary>
/// <param name="Target">The flag.</param>
/// <param name="Node">The expression the analyzer would report: the accessor (<c>flags.NewCheckout</c>), the generated
/// <c>Keys</c> constant, the key string, or any other name the flag generates (its variant enum).</param>
internal readonly record struct FlagUse(CleanupTarget Target, SyntaxNode Node);

/// <summary>
/// Finds the uses of flags in a C# syntax tree without a compilation: the names the generator derives from a flag (the
/// accessor, which is also the <c>Keys</c> constant's and a variant enum's name) and string literals equal to its key
/// (compared ignoring case, as the analyzers compare keys). The spans are those of the TF1101/TF1102 diagnostics, so
/// <see cref="TypedFlags.Cleanup.StaleFlagRemover"/> gets what the code fix gets. Syntax cannot tell two classes'
/// same-named properties apart: accessor names are distinctive, and <c>--dry-run</c> shows every change first.
/// </summary>
internal sealed class FlagUseFinder
{
    private readonly Dictionary<string, CleanupTarget> _byAccessor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CleanupTarget> _byKey = new(StringComparer.OrdinalIgnoreCase);

    public FlagUseFinder(IReadOnlyList<CleanupTarget> targets)
    {
        Targets = targets;
        foreach (var target in targets)
        {
            _byAccessor[target.Flag.AccessorName] = target;
            _byKey[target.Key] = target;
        }
    }

    /// <summary>The flags searched for.</summary>
    public IReadOnlyList<CleanupTarget> Targets { get; }

    /// <summary>Every accessor name and key, for a quick text search before parsing.</summary>
    public IEnumerable<string> Names => _byAccessor.Keys.Concat(_byKey.Keys);

    /// <summary>Whether <paramref name="text"/> can hold a use at all (names and keys are ASCII; a cheap filter before parsing).</summary>
    public bool MayMention(string text) => Names.Any(name => text.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0);

    /// <summary>The uses in <paramref name="root"/>, in source order.</summary>
    public IReadOnlyList<FlagUse> Find(SyntaxNode root)
    {
        var uses = new List<FlagUse>();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case IdentifierNameSyntax name when _byAccessor.TryGetValue(name.Identifier.ValueText, out var target):
                    // flags.NewCheckout and AppFlags.Keys.NewCheckout are reported on the whole member access,
                    // flags?.NewCheckout on the binding (.NewCheckout), a bare NewCheckout (inside the generated class,
                    // a using static) on the name: the spans of the analyzer's diagnostics.
                    SyntaxNode reported = name.Parent switch
                    {
                        MemberAccessExpressionSyntax member when member.Name == name => member,
                        MemberBindingExpressionSyntax binding => binding,
                        _ => name,
                    };
                    uses.Add(new FlagUse(target, reported));
                    break;
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression)
                    && _byKey.TryGetValue(literal.Token.ValueText, out var keyed):
                    uses.Add(new FlagUse(keyed, literal));
                    break;
            }
        }

        return uses;
    }

    /// <summary>
    /// Whether <paramref name="use"/> names the enum generated for a variant flag (<c>Layout.Compact</c>, a
    /// <c>Layout</c> variable) rather than the flag: code may keep using the enum, but the enum goes with the declaration.
    /// </summary>
    public static bool IsEnumUse(FlagUse use)
    {
        var flag = use.Target.Flag;
        if (flag.Type != Manifest.Model.FlagValueType.Variant || use.Node is LiteralExpressionSyntax)
        {
            return false;
        }

        var node = use.Node;
        if (node.Parent is MemberAccessExpressionSyntax outer && outer.Expression == node)
        {
            var member = outer.Name.Identifier.ValueText;
            return flag.Variants.Any(variant => variant.MemberName == member);
        }

        return node.Parent is QualifiedNameSyntax || (node is IdentifierNameSyntax name && SyntaxFacts.IsInTypeOnlyContext(name));
    }

    /// <summary>Why a use the cleanup left in place is not a read it inlines, for a person.</summary>
    public static string Describe(FlagUse use)
    {
        var node = use.Node;
        if (node is LiteralExpressionSyntax)
        {
            return "the key is used here, not read through IsEnabledAsync; rewrite it by hand";
        }

        if (node is MemberAccessExpressionSyntax { Expression: var receiver } && LastName(receiver) == "Keys")
        {
            return "the generated Keys constant is used here, not read through IsEnabledAsync; rewrite it by hand";
        }

        if (IsEnumUse(use))
        {
            return $"the enum generated for the variant flag ({use.Target.Flag.AccessorName}) is used here; it goes with the declaration, so use a type of your own first";
        }

        if (node.Parent is MemberAccessExpressionSyntax outer && outer.Expression == node)
        {
            return outer.Name.Identifier.ValueText switch
            {
                "IsEnabled" or "IsEnabledFor" or "IsShadowFor" or "Value" or "GetValue" => "a read the cleanup does not rewrite here; rewrite it by hand",
                var other => $"the flag is used through '.{other}', which the cleanup does not rewrite; rewrite it by hand",
            };
        }

        return "the flag (or its generated enum) is used here as a value or a name, not read; rewrite it by hand";
    }

    private static string? LastName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };
}
