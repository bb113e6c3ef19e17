using System.Globalization;
using System.IO;
using System.Text;

namespace TypedFlags.ReportBenchmark;

/// <summary>
/// Writes a repository as a large team has it: one flags.yaml per project (10 projects, 50 flags each), 2,000 C# files
/// of ordinary code with 10 flag references each (accessors, Keys constants and key strings at FlagManifest.IndexOf,
/// 20,000 in all), plus what the scan must skip: bin/ and obj/ copies and a git-ignored generated folder.
/// </summary>
internal static class SyntheticRepository
{
    public const int Projects = 10;
    public const int FlagsPerProject = 50;
    public const int Files = 2_000;
    public const int ReferencesPerFile = 10;

    public static void Write(string root)
    {
        File.WriteAllText(Path.Combine(root, ".gitignore"), "bin/\nobj/\n**/Generated/\n*.g.cs\n");
        for (var p = 0; p < Projects; p++)
        {
            var project = Path.Combine(root, "src", "Project" + p);
            Directory.CreateDirectory(project);
            File.WriteAllText(Path.Combine(project, "flags.yaml"), Manifest(p));
        }

        for (var f = 0; f < Files; f++)
        {
            // Files read the flags of their own project and of the next one: cross-project use.
            var p = f % Projects;
            var folder = Path.Combine(root, "src", "Project" + p, "Feature" + (f / Projects % 20).ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "Service" + f.ToString(CultureInfo.InvariantCulture) + ".cs"), Source(f, p));

            if (f % 100 == 0)
            {
                // Skipped by the walk: build output and git-ignored code with references that must not count.
                foreach (var skipped in new[] { Path.Combine(folder, "bin"), Path.Combine(folder, "obj"), Path.Combine(folder, "Generated") })
                {
                    Directory.CreateDirectory(skipped);
                    File.WriteAllText(Path.Combine(skipped, "Copy.cs"), Source(f, p));
                }
            }
        }
    }

    private static string Key(int project, int flag) => $"project{project}.feature{flag}.enabled";

    private static string Accessor(int project, int flag) => $"Project{project}Feature{flag}Enabled";

    private static string Manifest(int project)
    {
        var text = new StringBuilder($"version: 1\nclass: Project{project}Flags\nenv_prefix: P{project}_\nstale_after: 30d\nflags:\n");
        for (var i = 0; i < FlagsPerProject; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Key(project, i)}:\n    description: Feature {i} of project {project}\n    owner: team-{i % 7}\n");
            text.Append(CultureInfo.InvariantCulture, $"    created: 2026-0{1 + (i % 9)}-01\n");
            if (i % 3 == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"    expires: 2026-{10 + (i % 3)}-15\n");
            }

            if (i % 5 == 1)
            {
                text.Append("    launched: 2026-05-01\n    default: true\n");
            }
        }

        return text.ToString();
    }

    private static string Source(int file, int project)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"using System;\nusing System.Collections.Generic;\nusing System.Linq;\n\nnamespace Contoso.Project{project}.Features;\n\n");
        text.Append(CultureInfo.InvariantCulture, $"/// <summary>Service {file}: ordinary code around its flag reads.</summary>\n");
        text.Append(CultureInfo.InvariantCulture, $"public sealed class Service{file}(Project{project}Flags flags, Project{(project + 1) % Projects}Flags other)\n{{\n");
        for (var r = 0; r < ReferencesPerFile; r++)
        {
            var target = r % 4 == 3 ? (project + 1) % Projects : project;
            var receiver = target == project ? "flags" : "other";
            var flag = (file * 7 + r * 3) % FlagsPerProject;
            text.Append(CultureInfo.InvariantCulture, $"    public IReadOnlyList<int> Compute{r}(IEnumerable<int> values)\n    {{\n");
            text.Append("        var list = values.Where(v => v % 3 != 0).Select(v => v * 2).ToList();\n");
            text.Append(r switch
            {
                7 => $"        if ({receiver}.Engine.Manifest.IndexOf(Project{target}Flags.Keys.{Accessor(target, flag)}) < 0)\n",
                9 => $"        if ({receiver}.Engine.Manifest.IndexOf(\"{Key(target, flag)}\") < 0)\n",
                _ => $"        if ({receiver}.{Accessor(target, flag)}.IsEnabled)\n",
            });
            text.Append("        {\n            list.Reverse();\n        }\n\n");
            text.Append("        // A comment that names a key is not a reference: project0.feature0.enabled\n");
            text.Append("        return list.Count > 10 ? list.Take(10).ToList() : list;\n    }\n\n");
        }

        text.Append("}\n");
        return text.ToString();
    }
}
