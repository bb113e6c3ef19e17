using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedFlags.Manifest.Naming;

namespace TypedFlags.Cli.Scanning;

/// <summary>
/// The places TF1001 reads a key, as syntax alone can see them (the report has no compilation, so no symbols): calls of
/// the TypedFlags runtime's and Microsoft.FeatureManagement's key members (<see cref="FlagKeyApis"/>), and of methods,
/// constructors and attributes the scanned code itself declares with a <c>[FlagKey]</c> parameter; assignments to
/// <c>[FlagKey]</c> properties and fields. Arguments count when they are string literals (or arrays of them, or a
/// <c>const string</c> of the scanned code) equal to a declared key; a key string anywhere else (a log message, a
/// comment) is not a reference, as in the analyzer.
/// </summary>
internal sealed class KeyApiSyntax
{
    private const string KeyParameterName = "key";

    // Member name -> the parameter names that take keys there (null: any argument of a known key API).
    private readonly Dictionary<string, HashSet<string>?> _methods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _members = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _constants = new(StringComparer.Ordinal);

    /// <summary>The known APIs, then what <paramref name="trees"/> declare: [FlagKey] parameters, members and string constants.</summary>
    public KeyApiSyntax(IEnumerable<SyntaxNode> trees)
    {
        foreach (var name in FlagKeyApis.RuntimeMembers)
        {
            _methods[name] = null;
        }

        foreach (var name in FlagKeyApis.FeatureManagementMembers)
        {
            _methods[name] = null;
        }

        foreach (var root in trees)
        {
            Collect(root);
        }
    }

    /// <summary>The methods, constructors and attributes the scanned code declares with a <c>[FlagKey]</c> parameter.</summary>
    public IReadOnlyCollection<string> DeclaredKeyMethods => _declared;

    /// <summary>True when the invoked or constructed member <paramref name="name"/> takes keys.</summary>
    public bool IsKeyMethod(string name) => _methods.ContainsKey(name);

    /// <summary>True when <paramref name="name"/> is a <c>[FlagKey]</c> property or field declared in the scanned code.</summary>
    public bool IsKeyMember(string name) => _members.Contains(name);

    /// <summary>True when the argument named <paramref name="parameter"/> (a named argument) takes a key at <paramref name="method"/>.</summary>
    public bool IsKeyParameter(string method, string parameter)
    {
        if (!_methods.TryGetValue(method, out var names))
        {
            return false;
        }

        return names is null
            ? parameter == KeyParameterName || FlagKeyApis.IsFeatureManagementKeyParameter(parameter)
            : names.Contains(parameter);
    }

    /// <summary>The value of a <c>const string</c> named <paramref name="name"/> in the scanned code, when it is unique.</summary>
    public string? Constant(string name) => _constants.TryGetValue(name, out var value) ? value : null;

    private void Collect(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case ParameterSyntax parameter when HasFlagKey(parameter.AttributeLists):
                    if (DeclaringName(parameter) is { } method)
                    {
                        _declared.Add(method);
                        if (!_methods.TryGetValue(method, out var names) || names is not null)
                        {
                            (_methods[method] = names ?? new HashSet<string>(StringComparer.Ordinal)).Add(parameter.Identifier.ValueText);
                        }
                    }

                    break;
                case PropertyDeclarationSyntax property when HasFlagKey(property.AttributeLists):
                    _members.Add(property.Identifier.ValueText);
                    break;
                case FieldDeclarationSyntax field:
                    var marked = HasFlagKey(field.AttributeLists);
                    var isConst = field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (marked)
                        {
                            _members.Add(variable.Identifier.ValueText);
                        }

                        if (isConst)
                        {
                            AddConstant(variable);
                        }
                    }

                    break;
                case LocalDeclarationStatementSyntax local when local.IsConst:
                    foreach (var variable in local.Declaration.Variables)
                    {
                        AddConstant(variable);
                    }

                    break;
            }
        }
    }

    private void AddConstant(VariableDeclaratorSyntax variable)
    {
        if (variable.Initializer?.Value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            var name = variable.Identifier.ValueText;
            var value = literal.Token.ValueText;

            // Two constants of one name with different values: the syntax cannot tell which one a use means.
            _constants[name] = _constants.TryGetValue(name, out var existing) && existing != value ? null : value;
        }
    }

    /// <summary>The name callers write for the member declaring <paramref name="parameter"/>: the method, or the type for a constructor.</summary>
    private static string? DeclaringName(ParameterSyntax parameter) => parameter.Parent?.Parent switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        LocalFunctionStatementSyntax local => local.Identifier.ValueText,
        ConstructorDeclarationSyntax constructor => TrimAttribute(constructor.Identifier.ValueText),
        TypeDeclarationSyntax type => TrimAttribute(type.Identifier.ValueText), // primary constructor
        _ => null,
    };

    /// <summary>Attributes are written without their suffix: <c>[Gate("x")]</c> constructs <c>GateAttribute</c>.</summary>
    public static string TrimAttribute(string name) =>
        name.Length > 9 && name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - 9) : name;

    private static bool HasFlagKey(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var list in lists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (TrimAttribute(LastName(attribute.Name)) == FlagKeyApis.AttributeName)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The rightmost identifier of a (possibly qualified or generic) name.</summary>
    public static string LastName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => name.ToString(),
    };
}
