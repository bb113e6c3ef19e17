using System.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedFlags.Cleanup;

/// <summary>
/// Integer arithmetic that becomes constant once a value is inlined. At run time <c>-flags.MinInt.Value</c> wraps
/// silently; as <c>-(-2147483648)</c> the compiler evaluates it in checked mode and stops the build (CS0220), and
/// <c>10 / 0</c> is CS0020. Only expressions made of integer literals are judged: a name may or may not be a constant,
/// and the compiler keeps arithmetic over variables for run time.
/// </summary>
internal static class ConstantArithmetic
{
    private static readonly BigInteger IntMin = int.MinValue;
    private static readonly BigInteger IntMax = int.MaxValue;
    private static readonly BigInteger LongMin = long.MinValue;
    private static readonly BigInteger LongMax = long.MaxValue;

    /// <summary>Whether the arithmetic around <paramref name="value"/> would not compile.</summary>
    public static bool Fails(ExpressionSyntax value)
    {
        // Each enclosing operation on the way up: in "text " + -(-2147483648) the negation fails, the concatenation
        // around it is no integer arithmetic at all.
        for (var node = value; node.Parent is ExpressionSyntax parent && IsArithmetic(parent); node = parent)
        {
            if (Evaluate(parent) is { Failed: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value of integer arithmetic over literals that the compiler accepts; null for anything else.</summary>
    public static BigInteger? Integer(ExpressionSyntax expression) => Evaluate(expression) is { Failed: false } result ? result.Value : null;

    private static bool IsArithmetic(ExpressionSyntax node) => node.Kind() switch
    {
        SyntaxKind.ParenthesizedExpression or SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression or SyntaxKind.BitwiseNotExpression
            or SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression
            or SyntaxKind.ModuloExpression => true,
        _ => false,
    };

    /// <summary>The value and whether it is a long; null when a leaf is not an integer literal.</summary>
    private static Result? Evaluate(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Expression);
            case LiteralExpressionSyntax { Token.Value: int or long } literal:
                return new Result(literal.Token.Value is long l ? l : (int)literal.Token.Value!, literal.Token.Value is long, false);
            case LiteralExpressionSyntax { Token.Value: uint or ulong }:
                // Only as the operand of a minus (-2147483648): handled below.
                return null;
            case PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax { Token.Value: uint u } } minus when minus.IsKind(SyntaxKind.UnaryMinusExpression) && u == 2147483648u:
                return new Result(IntMin, false, false);
            case PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax { Token.Value: ulong ul } } minus when minus.IsKind(SyntaxKind.UnaryMinusExpression) && ul == 9223372036854775808ul:
                return new Result(LongMin, true, false);
            case PrefixUnaryExpressionSyntax unary when Evaluate(unary.Operand) is { } operand:
                return operand.Failed ? operand : unary.Kind() switch
                {
                    SyntaxKind.UnaryMinusExpression => Checked(-operand.Value, operand.IsLong),
                    SyntaxKind.UnaryPlusExpression => operand,
                    SyntaxKind.BitwiseNotExpression => new Result(-operand.Value - 1, operand.IsLong, false),
                    _ => null,
                };
            case BinaryExpressionSyntax binary when Evaluate(binary.Left) is { } left && Evaluate(binary.Right) is { } right:
                if (left.Failed || right.Failed)
                {
                    return left.Failed ? left : right;
                }

                var isLong = left.IsLong || right.IsLong;
                switch (binary.Kind())
                {
                    case SyntaxKind.AddExpression:
                        return Checked(left.Value + right.Value, isLong);
                    case SyntaxKind.SubtractExpression:
                        return Checked(left.Value - right.Value, isLong);
                    case SyntaxKind.MultiplyExpression:
                        return Checked(left.Value * right.Value, isLong);
                    case SyntaxKind.DivideExpression:
                        return right.Value.IsZero ? new Result(0, isLong, true) : Checked(BigInteger.Divide(left.Value, right.Value), isLong);
                    case SyntaxKind.ModuloExpression:
                        return right.Value.IsZero ? new Result(0, isLong, true) : Checked(BigInteger.Remainder(left.Value, right.Value), isLong);
                }

                return null;
            default:
                return null;
        }
    }

    private static Result Checked(BigInteger value, bool isLong) =>
        new(value, isLong, isLong ? value < LongMin || value > LongMax : value < IntMin || value > IntMax);

    private readonly record struct Result(BigInteger Value, bool IsLong, bool Failed);
}
