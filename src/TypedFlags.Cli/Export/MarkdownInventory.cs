using System.Collections.Generic;
using System.Text;
using TypedFlags.Cli.Output;

namespace TypedFlags.Cli.Export;

/// <summary><c>--format markdown</c>: a table of key, env var, default, phase and purpose for docs and pull requests.</summary>
internal static class MarkdownInventory
{
    /// <summary>The Markdown text (LF line ends).</summary>
    public static string Write(IReadOnlyList<InventoryFlag> flags)
    {
        var text = new StringBuilder();
        text.Append("| Key | Env var | Default | Phase | Purpose |\n");
        text.Append("| --- | --- | --- | --- | --- |\n");
        foreach (var (_, flag) in flags)
        {
            text.Append("| `").Append(flag.Key).Append("` | `").Append(flag.EnvVar).Append("` | `")
                .Append(Cell(FlagText.Default(flag))).Append("` | ")
                .Append(Cell(flag.Phase ?? FlagText.None)).Append(" | ")
                .Append(Cell(flag.Description)).Append(" |\n");
        }

        return text.ToString();
    }

    // A pipe ends a cell and a line break ends the row, in any Markdown table.
    private static string Cell(string value) => value.Replace("|", "\\|").Replace("\r", string.Empty).Replace("\n", " ");
}
