using System;
using System.Text;

namespace TypedFlags.Generators.Emit;

/// <summary>
/// Writes indented C# with '\n' line endings whatever the host OS, so output is byte-identical across
/// machines (the same idea as the SourceWriter of dotnet/runtime's generators).
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Indent() => _indent++;

    public void Unindent()
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("Unbalanced indentation in generated source.");
        }

        _indent--;
    }

    public void OpenBlock()
    {
        WriteLine("{");
        Indent();
    }

    public void CloseBlock(string suffix = "")
    {
        Unindent();
        WriteLine("}" + suffix);
    }

    public void WriteLine() => _builder.Append('\n');

    public void WriteLine(string line)
    {
        if (line.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(line);
        }

        _builder.Append('\n');
    }

    public override string ToString() => _builder.ToString();
}
