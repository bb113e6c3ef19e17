using System;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace TypedFlags.Cli.Tests;

/// <summary>
/// Compares output with Golden/NAME. The temporary directory is written as &lt;dir&gt; and separators in paths as '/'. Set
/// TYPEDFLAGS_UPDATE_GOLDEN=1 to rewrite the files in the source tree (then review the diff).
/// </summary>
internal static class Golden
{
    public static void Assert(string name, string actual, TempDirectory directory)
    {
        // Only the paths under the temporary directory get '/' separators: a backslash elsewhere (a Markdown escape) is data.
        var normalized = Regex.Replace(actual.Replace(directory.Path, "<dir>"), @"<dir>[^\s(']*", match => match.Value.Replace('\\', '/'));
        if (Environment.GetEnvironmentVariable("TYPEDFLAGS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "Golden", name), normalized);
            return;
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name)).Replace("\r\n", "\n");
        Xunit.Assert.Equal(expected, normalized);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
