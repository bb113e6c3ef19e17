using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedFlags.Manifest.Naming;

namespace TypedFlags.Cli.Scanning;

/// <summary>
/// Finds flag references in one C# syntax tree, the three uses TF1104 counts: generated accessors
/// (<c>flags.X</c>, <c>flags?.X</c>; setting <c>X</c> on the generated test overrides is not a read), generated <c>Keys</c> constants
/// (<c>AppFlags.Keys.X</c>) and key strings at the key APIs (<see cref="KeyApiSyntax"/>). Comments and disabled
/// <c>#if</c> regions are trivia to the parser, so a key there is not a reference.
/// </summary>
internal static class CSharpReferences
{
    /// <summary>Appends the references of <paramref name="root"/> to <paramref name="found"/>.</summary>
    public static void Find(SyntaxNode root, string path, DecodedSource text, FlagLookup flags, KeyApiSyntax keyApis, List<FlagReference> found)
    {
        // "using static Contoso.Flags.AppFlags.Keys;" lets the file write the constants without a qualifier.
        var keysImported = ImportsKeys(root);
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case IdentifierNameSyntax identifier when keysImported && flags.IsAccessor(identifier.Identifier.ValueText)
                    && identifier.Parent is not MemberAccessExpressionSyntax and not MemberBindingExpressionSyntax and not NameColonSyntax and not NameEqualsSyntax
                    && !(identifier.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assigned && assigned.Left == identifier):
                    AddAccessor(identifier.Identifier, ReferenceKind.KeyConstant);
                    break;
                case MemberAccessExpressionSyntax access when flags.IsAccessor(access.Name.Identifier.ValueText) && !IsAssigned(access):
                    AddAccessor(access.Name.Identifier, IsKeysClass(access.Expression) ? ReferenceKind.KeyConstant : ReferenceKind.Accessor);
                    break;
                case MemberBindingExpressionSyntax binding when flags.IsAccessor(binding.Name.Identifier.ValueText):
                    AddAccessor(binding.Name.Identifier, ReferenceKind.Accessor);
                    break;
                case InvocationExpressionSyntax invocation when InvokedName(invocation.Expression) is { } method && keyApis.IsKeyMethod(method):
                    AddArguments(method, invocation.ArgumentList.Arguments);
                    break;
                case ObjectCreationExpressionSyntax creation when creation.ArgumentList is { } list
                    && keyApis.IsKeyMethod(KeyApiSyntax.TrimAttribute(TypeName(creation.Type))):
                    AddArguments(KeyApiSyntax.TrimAttribute(TypeName(creation.Type)), list.Arguments);
                    break;
                case AttributeSyntax attribute when attribute.ArgumentList is { } list:
                    var attributeName = KeyApiSyntax.TrimAttribute(KeyApiSyntax.LastName(attribute.Name));
                    foreach (var argument in list.Arguments)
                    {
                        var isKey = argument.NameEquals is { } property
                            ? keyApis.IsKeyMember(property.Name.Identifier.ValueText)
                            : keyApis.IsKeyMethod(attributeName) && (argument.NameColon is not { } named || keyApis.IsKeyParameter(attributeName, named.Name.Identifier.ValueText));
                        if (isKey)
                        {
                            AddKeyStrings(argument.Expression);
                        }
                    }

                    break;
                case AssignmentExpressionSyntax assignment when MemberName(assignment.Left) is { } member && keyApis.IsKeyMember(member):
                    AddKeyStrings(assignment.Right);
                    break;
                case VariableDeclaratorSyntax { Initializer: { } initializer } variable when keyApis.IsKeyMember(variable.Identifier.ValueText)
                    && variable.Parent?.Parent is FieldDeclarationSyntax:
                    AddKeyStrings(initializer.Value);
                    break;
                case PropertyDeclarationSyntax { Initializer: { } initializer } property when keyApis.IsKeyMember(property.Identifier.ValueText):
                    AddKeyStrings(initializer.Value);
                    break;
            }
        }

        void AddAccessor(SyntaxToken name, ReferenceKind kind)
        {
            foreach (var key in flags.ByAccessor(name.ValueText)!)
            {
                Add(key, name.SpanStart, kind);
            }
        }

        void AddArguments(string method, SeparatedSyntaxList<ArgumentSyntax> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.NameColon is not { } named || keyApis.IsKeyParameter(method, named.Name.Identifier.ValueText))
                {
                    AddKeyStrings(argument.Expression);
                }
            }
        }

        void AddKeyStrings(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    AddKeyStrings(parenthesized.Expression);
                    break;
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    AddKeyString(literal.Token.ValueText, literal.SpanStart);
                    break;
                case ArrayCreationExpressionSyntax { Initializer: { } elements }:
                    AddAll(elements.Expressions);
                    break;
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    AddAll(implicitArray.Initializer.Expressions);
                    break;
                case IdentifierNameSyntax identifier when keyApis.Constant(identifier.Identifier.ValueText) is { } value:
                    AddKeyString(value, identifier.SpanStart);
                    break;
                case MemberAccessExpressionSyntax access when !flags.IsAccessor(access.Name.Identifier.ValueText)
                    && keyApis.Constant(access.Name.Identifier.ValueText) is { } value:
                    // A generated Keys constant is already a reference of its own (above).
                    AddKeyString(value, access.Name.SpanStart);
                    break;
            }
        }

        void AddAll(SeparatedSyntaxList<ExpressionSyntax> expressions)
        {
            foreach (var element in expressions)
            {
                AddKeyStrings(element);
            }
        }

        void AddKeyString(string value, int position)
        {
            if (flags.ByName(value) is { } keys)
            {
                foreach (var key in keys)
                {
                    Add(key, position, ReferenceKind.KeyString);
                }
            }
        }

        void Add(string key, int position, ReferenceKind kind)
        {
            var (line, column) = text.Position(position);
            found.Add(new FlagReference(key, path, line, column, kind, text.LineText(line)));
        }
    }

    /// <summary>
    /// True for the target of an assignment. Accessors are get-only, so <c>x.InvoicesWrite = true</c> sets the generated
    /// test overrides, as <c>new AppFlagsOverrides { InvoicesWrite = true }</c> does (an initializer's names are not
    /// member accesses at all): setting a flag for a test is not reading it, for TF1104 as for the report.
    /// </summary>
    private static bool IsAssigned(MemberAccessExpressionSyntax access) =>
        access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access;

    private static bool ImportsKeys(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
        {
            if (node is UsingDirectiveSyntax { StaticKeyword.RawKind: (int)SyntaxKind.StaticKeyword, Name: { } name }
                && KeyApiSyntax.LastName(name) == GeneratedNames.KeysClass)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Keys</c>, <c>AppFlags.Keys</c>, <c>global::Contoso.AppFlags.Keys</c>: the generated key constants class.</summary>
    private static bool IsKeysClass(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText == GeneratedNames.KeysClass,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == GeneratedNames.KeysClass,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText == GeneratedNames.KeysClass,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == GeneratedNames.KeysClass,
        _ => false,
    };

    private static string? InvokedName(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    private static string? MemberName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    private static string TypeName(TypeSyntax type) => type switch
    {
        NameSyntax name => KeyApiSyntax.LastName(name),
        _ => type.ToString(),
    };
}
