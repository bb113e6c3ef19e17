using System.Collections.Generic;
using System.Globalization;
using System.Text;
using TypedFlags.Cli.Output;
using TypedFlags.Manifest.Model;

namespace TypedFlags.Cli.Diff;

/// <summary>
/// Writes <see cref="ManifestChanges"/> as Markdown for a pull-request comment: a summary line, then tables of the
/// added, removed and changed flags and of the file-wide settings. Sections without rows are left out.
/// </summary>
internal static class MarkdownChanges
{
    /// <summary>The Markdown text (LF line ends).</summary>
    /// <param name="changes">What changed.</param>
    /// <param name="oldName">How to name the old file (its path, or "standard input").</param>
    /// <param name="newName">How to name the new file.</param>
    public static string Write(ManifestChanges changes, string oldName, string newName)
    {
        var text = new StringBuilder();
        text.Append("### flags.yaml changes\n\n");
        text.Append(Code(oldName)).Append(" → ").Append(Code(newName)).Append(": ");
        if (changes.IsEmpty)
        {
            text.Append("no changes to flags or settings.\n");
            return text.ToString();
        }

        text.Append(string.Format(
            CultureInfo.InvariantCulture,
            "{0} added, {1} removed, {2} changed{3}.\n",
            Flags(changes.Added.Count),
            changes.Removed.Count,
            changes.Changed.Count,
            changes.Settings.Count > 0 ? ", settings changed" : string.Empty));

        if (changes.Added.Count > 0)
        {
            text.Append("\n#### Added\n\n");
            text.Append("| Flag | Type | Default | Phase | Rollout | Owner | Expires | Description |\n");
            text.Append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
            foreach (var flag in changes.Added)
            {
                Row(text, Code(flag.Key), FlagText.Type(flag.Type), Code(FlagText.Default(flag)), flag.Phase ?? FlagText.None, FlagText.Rollout(flag), flag.Owner ?? FlagText.None, Expires(flag), Cell(flag.Description));
            }
        }

        if (changes.Removed.Count > 0)
        {
            text.Append("\n#### Removed\n\n");
            text.Append("Code that still reads these flags stops compiling, and their overrides (configuration, environment variables) no longer apply: appsettings entries become TF2001 warnings.\n\n");
            text.Append("| Flag | Type | Default | Owner | Env var |\n");
            text.Append("| --- | --- | --- | --- | --- |\n");
            foreach (var flag in changes.Removed)
            {
                Row(text, Code(flag.Key), FlagText.Type(flag.Type), Code(FlagText.Default(flag)), flag.Owner ?? FlagText.None, Code(flag.EnvVar));
            }
        }

        if (changes.Changed.Count > 0)
        {
            text.Append("\n#### Changed\n\n");
            text.Append("| Flag | Field | Before | After |\n");
            text.Append("| --- | --- | --- | --- |\n");
            foreach (var flag in changes.Changed)
            {
                foreach (var change in flag.Changes)
                {
                    Row(text, Code(flag.Key), change.Field, Value(change.Field, change.Before), Value(change.Field, change.After));
                }
            }
        }

        if (changes.Settings.Count > 0)
        {
            text.Append("\n#### Settings (every flag)\n\n");
            text.Append("| Setting | Before | After |\n");
            text.Append("| --- | --- | --- |\n");
            foreach (var change in changes.Settings)
            {
                Row(text, change.Field, Value(change.Field, change.Before), Value(change.Field, change.After));
            }
        }

        return text.ToString();
    }

    private static string Flags(int count) => count == 1 ? "1 flag" : count.ToString(CultureInfo.InvariantCulture) + " flags";

    private static string Expires(FlagModel flag) => flag.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? FlagText.None;

    private static void Row(StringBuilder text, params string[] cells) => text.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");

    /// <summary>A value as code, except prose (the description) and "not set".</summary>
    private static string Value(string field, string value) =>
        value == FlagText.None ? FlagText.None : field == "description" ? Cell(value) : Code(value);

    /// <summary>Inline code; a value holding a backtick gets a longer fence, as CommonMark allows.</summary>
    private static string Code(string value)
    {
        var cell = Cell(value);
        return cell.Contains('`') ? "`` " + cell + " ``" : "`" + cell + "`";
    }

    // A pipe ends a cell and a line break ends the row, in any Markdown table.
    private static string Cell(string value) => value.Replace("|", "\\|").Replace("\r", string.Empty).Replace("\n", " ");
}
