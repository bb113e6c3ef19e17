using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedFlags.Cleanup;

/// <summary>
/// Locals around a removed flag: <c>var enabled = flags.X.IsEnabled;</c> becomes a constant that is inlined into its
/// reads, and a local whose last read went away with a dead branch is removed when its initializer has no effects.
/// </summary>
internal static class LocalCleanup
{
    /// <summary>Marks every local that is read somewhere after its declaration, before anything is rewritten.</summary>
    public static SyntaxNode MarkReadLocals(SyntaxNode root)
    {
        var read = new List<VariableDeclaratorSyntax>();
        foreach (var declaration in root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>())
        {
            var scope = ScopeAfter(declaration);
            foreach (var declarator in declaration.Declaration.Variables)
            {
                if (References(scope, declarator.Identifier.ValueText).Any())
                {
                    read.Add(declarator);
                }
            }
        }

        return root.ReplaceNodes(read, (_, rewritten) => rewritten.WithAdditionalAnnotations(new SyntaxAnnotation(CleanupAnnotations.WasReadKind)));
    }

    /// <summary>One inlining or removal; false when there was nothing left to do.</summary>
    public static bool TryCleanOne(ref SyntaxNode root)
    {
        foreach (var declaration in root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>())
        {
            if (declaration.IsConst || declaration.Declaration.Variables.Count != 1)
            {
                continue;
            }

            var declarator = declaration.Declaration.Variables[0];
            var name = declarator.Identifier.ValueText;
            var scope = ScopeAfter(declaration);
            if (declarator.Initializer?.Value is { } initial
                && initial.HasAnnotation(CleanupAnnotations.Inlined)
                && BranchSimplifier.Constant(initial) is { } value
                && !IsWritten(scope, name))
            {
                var reads = References(scope, name).ToList();
                var marker = new SyntaxAnnotation();
                var replaced = root.ReplaceNodes(reads.Cast<SyntaxNode>().Append(declaration), (original, rewritten) =>
                    original == declaration ? rewritten.WithAdditionalAnnotations(marker) : FlagReads.Literal(value).WithTriviaFrom(original));
                root = Remove(replaced, (StatementSyntax)replaced.GetAnnotatedNodes(marker).Single());
                return true;
            }

            if (declarator.HasAnnotations(CleanupAnnotations.WasReadKind)
                && !References(scope, name).Any()
                && (declarator.Initializer is null || PureExpressions.IsPure(declarator.Initializer.Value)))
            {
                root = Remove(root, declaration);
                return true;
            }
        }

        return false;
    }

    private static SyntaxNode Remove(SyntaxNode root, StatementSyntax declaration)
    {
        if (declaration.Parent is GlobalStatementSyntax global)
        {
            return root.RemoveNode(global, SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
        }

        return root.RemoveNode(declaration, SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
    }

    /// <summary>The statements after <paramref name="declaration"/> in its list: where its name can be used.</summary>
    private static List<SyntaxNode> ScopeAfter(StatementSyntax declaration)
    {
        var scope = new List<SyntaxNode>();
        IEnumerable<SyntaxNode> siblings = declaration.Parent switch
        {
            BlockSyntax block => block.Statements,
            SwitchSectionSyntax section => section.Statements,
            GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit.Members,
            _ => Enumerable.Empty<SyntaxNode>(),
        };

        SyntaxNode self = declaration.Parent is GlobalStatementSyntax global ? global : declaration;
        var after = false;
        foreach (var sibling in siblings)
        {
            if (after)
            {
                scope.Add(sibling);
            }

            after |= sibling == self;
        }

        return scope;
    }

    private static IEnumerable<IdentifierNameSyntax> References(IEnumerable<SyntaxNode> scope, string name) =>
        scope.SelectMany(node => node.DescendantNodesAndSelf())
            .OfType<IdentifierNameSyntax>()
            .Where(identifier => identifier.Identifier.ValueText == name && IsValueUse(identifier));

    private static bool IsValueUse(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        MemberAccessExpressionSyntax member => member.Expression == identifier,
        NameColonSyntax or NameEqualsSyntax or QualifiedNameSyntax => false,
        _ => true,
    };

    private static bool IsWritten(IEnumerable<SyntaxNode> scope, string name)
    {
        foreach (var identifier in References(scope, name))
        {
            switch (identifier.Parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == identifier:
                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.AddressOfExpression):
                case PostfixUnaryExpressionSyntax:
                case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                case RefExpressionSyntax:
                    return true;
            }
        }

        return false;
    }
}
