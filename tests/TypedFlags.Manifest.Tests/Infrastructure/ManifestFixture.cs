using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace TypedFlags.Manifest.Tests.Infrastructure;

/// <summary>
/// A fixture file and the expectations in its header comments:
/// <list type="bullet">
/// <item><c># expect: TF0005 12:7</c> - a diagnostic id at a 1-based line:column (one line per diagnostic);</item>
/// <item><c># schema: reject</c> or <c># schema: accept</c> - whether flags.schema.json sees the error;</item>
/// <item><c># broken: key other.key</c> - declared flags the model must leave out;</item>
/// <item><c># model: none</c> - the file cannot be read into a model at all.</item>
/// </list>
/// </summary>
internal sealed class ManifestFixture
{
    private static readonly Regex Expect = new(@"^# expect: (?<id>TF[0-9]{4}) (?<line>[0-9]+):(?<column>[0-9]+)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex Schema = new(@"^# schema: (?<verdict>accept|reject)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex Broken = new(@"^# broken:(?<keys>( [^ ]+)+)\s*$", RegexOptions.CultureInvariant);

    private ManifestFixture(string path, byte[] bytes)
    {
        Path = path;
        Bytes = bytes;
        Text = new UTF8Encoding(false, true).GetString(bytes);
        foreach (var line in Text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l.StartsWith('#')))
        {
            if (Expect.Match(line) is { Success: true } expect)
            {
                Expected.Add(new ExpectedDiagnostic(expect.Groups["id"].Value, Number(expect.Groups["line"].Value), Number(expect.Groups["column"].Value)));
            }
            else if (Schema.Match(line) is { Success: true } schema)
            {
                SchemaAccepts = schema.Groups["verdict"].Value == "accept";
            }
            else if (Broken.Match(line) is { Success: true } broken)
            {
                BrokenKeys.AddRange(broken.Groups["keys"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
            else if (line.Trim() == "# model: none")
            {
                NoModel = true;
            }
        }
    }

    public string Path { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public byte[] Bytes { get; }

    public string Text { get; }

    public List<ExpectedDiagnostic> Expected { get; } = new();

    public bool? SchemaAccepts { get; private set; }

    public List<string> BrokenKeys { get; } = new();

    public bool NoModel { get; private set; }

    public static ManifestFixture Valid(string name) => Load(System.IO.Path.Combine(RepositoryPaths.ValidFixtures, name));

    public static ManifestFixture Invalid(string name) => Load(System.IO.Path.Combine(RepositoryPaths.InvalidFixtures, name));

    public static ManifestFixture Load(string path) => new(path, File.ReadAllBytes(path));

    public static IEnumerable<string> ValidNames() => Names(RepositoryPaths.ValidFixtures);

    public static IEnumerable<string> InvalidNames() => Names(RepositoryPaths.InvalidFixtures);

    public override string ToString() => Name;

    private static IEnumerable<string> Names(string directory) =>
        Directory.GetFiles(directory, "*.yaml").Select(System.IO.Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal)!;

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}

/// <summary>A diagnostic a fixture expects.</summary>
internal sealed record ExpectedDiagnostic(string Id, int Line, int Column)
{
    public override string ToString() => $"{Id} {Line}:{Column}";
}
