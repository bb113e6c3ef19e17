using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace TypedFlags.Cli.Tests.Cleanup;

/// <summary>cleanup on small projects written for one rule each: encodings, prerequisites, typed values, bad input.</summary>
public sealed class CleanupBehaviourTests
{
    private const string Manifest = """
        version: 1
        namespace: Shop
        class: AppFlags

        flags:
          checkout.new_flow:
            description: New checkout
            default: true
            launched: 2026-01-01

          checkout.v3:
            description: Third checkout, on top of the new flow
            requires: [checkout.new_flow]

          search.limit:
            description: Result limit
            type: int
            default: 50
            expires: 2026-02-01

          checkout.layout:
            description: Layout
            type: variant
            variants: [classic, compact]
            default: compact
            expires: 2026-02-01

          banner.text:
            description: Banner
            type: string
            default: "Hello \"you\""
            expires: 2026-02-01

        """;

    private const string Code = """
        namespace Shop;

        public sealed class Checkout(AppFlags flags)
        {
            public string Flow()
            {
                if (flags.CheckoutNewFlow.IsEnabled)
                {
                    return "new";
                }

                return "old";
            }
        }

        """;

    [Fact]
    public void A_changed_file_keeps_its_byte_order_mark_and_crlf_line_ends()
    {
        using var directory = new TempDirectory();
        Write(directory, "flags.yaml", Manifest);
        var path = directory.Combine("Checkout.cs");
        File.WriteAllBytes(path, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Code.Replace("\n", "\r\n"))).ToArray());

        var result = CliRunner.Run("cleanup", "checkout.new_flow", "--project", directory.Path);

        Assert.Equal(0, result.ExitCode);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Contains("    public string Flow()\r\n    {\r\n        return \"new\";\r\n    }\r\n", text);
        Assert.Equal(text.Split('\n').Length - 1, text.Split("\r\n").Length - 1);
    }

    [Fact]
    public void A_utf16_file_stays_utf16()
    {
        using var directory = new TempDirectory();
        Write(directory, "flags.yaml", Manifest);
        var path = directory.Combine("Checkout.cs");
        File.WriteAllBytes(path, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Code)).ToArray());

        var result = CliRunner.Run("cleanup", "checkout.new_flow", "--project", directory.Path);

        Assert.Equal(0, result.ExitCode);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(Encoding.Unicode.GetPreamble(), bytes.Take(2));
        Assert.Contains("return \"new\";", Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2));
        Assert.DoesNotContain("CheckoutNewFlow", Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2));
    }

    [Fact]
    public void A_flag_another_flag_requires_keeps_its_declaration()
    {
        using var directory = new TempDirectory();
        Write(directory, "flags.yaml", Manifest);
        Write(directory, "Checkout.cs", Code);

        var result = CliRunner.Run("cleanup", "checkout.new_flow", "--remove-declaration", "--project", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("checkout.new_flow: kept its declaration in flags.yaml: required by 'checkout.v3' (requires:).", result.Out);
        Assert.Equal(Manifest, File.ReadAllText(directory.Combine("flags.yaml")));
        Assert.DoesNotContain("CheckoutNewFlow", File.ReadAllText(directory.Combine("Checkout.cs")));
    }

    [Fact]
    public void Int_string_and_variant_reads_become_the_final_value_the_code_fix_inlines()
    {
        using var directory = new TempDirectory();
        Write(directory, "flags.yaml", Manifest);
        Write(directory, "Search.cs", """
            namespace Shop;

            public sealed class Search(AppFlags flags)
            {
                public int Limit() => flags.SearchLimit.Value;

                public string Banner() => flags.BannerText.Value;

                public bool Compact() => flags.CheckoutLayout.Value == CheckoutLayout.Compact;
            }

            """);

        var result = CliRunner.Run("cleanup", "--stale", "--today", "2026-12-01", "--project", directory.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""
            namespace Shop;

            public sealed class Search(AppFlags flags)
            {
                public int Limit() => 50;

                public string Banner() => "Hello \"you\"";

                public bool Compact() => true;
            }

            """, File.ReadAllText(directory.Combine("Search.cs")));
    }

    [Fact]
    public void Value_is_parsed_with_the_flag_type()
    {
        using var directory = new TempDirectory();
        Write(directory, "flags.yaml", Manifest);
        Write(directory, "Search.cs", "namespace Shop;\n\npublic static class Search\n{\n    public static int Limit(AppFlags flags) => flags.SearchLimit.Value * 2;\n\n    public static object Layout(AppFlags flags) => flags.CheckoutLayout.Value;\n}\n");

        var bad = CliRunner.Run("cleanup", "search.limit", "--value", "lots", "--project", directory.Path);
        var badVariant = CliRunner.Run("cleanup", "checkout.layout", "--value", "wide", "--project", directory.Path);
        var good = CliRunner.Run("cleanup", "search.limit", "--value", "-25", "--project", directory.Path);
        var variant = CliRunner.Run("cleanup", "checkout.layout", "--value", "CLASSIC", "--project", directory.Path);

        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("typedflags: 'lots' is not a value of 'search.limit' (int flag); --value takes a 32-bit integer (invariant culture).\n", bad.Error);
        Assert.Equal(2, badVariant.ExitCode);
        Assert.Contains("--value takes one of classic, compact (case-insensitive)", badVariant.Error);
        Assert.Equal(0, good.ExitCode);
        Assert.Equal(0, variant.ExitCode);
        var text = File.ReadAllText(directory.Combine("Search.cs"));
        Assert.Contains("public static int Limit(AppFlags flags) => (-25) * 2;", text);
        Assert.Contains("public static object Layout(AppFlags flags) => global::Shop.CheckoutLayout.Classic;", text);
    }

    [Fact]
    public void A_read_the_engine_skips_is_listed_where_it_is_and_keeps_the_declaration()
    {
        using var directory = new TempDirectory();
        Write(directory, "flags.yaml", Manifest);
        Write(directory, "Checkout.cs", Code.Replace("    public string Flow()", "    public bool Maybe(AppFlags? other) => other?.CheckoutNewFlow.IsEnabled == true;\n\n    public string Flow()"));
        File.WriteAllText(directory.Combine("flags.yaml"), Manifest.Replace("    requires: [checkout.new_flow]\n", string.Empty));

        var result = CliRunner.Run("cleanup", "checkout.new_flow", "--remove-declaration", "--project", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("  Checkout.cs:5:49: checkout.new_flow: the read is part of a null-conditional chain (?.): inlining would drop the null check; rewrite it by hand\n      public bool Maybe(AppFlags? other) => other?.CheckoutNewFlow.IsEnabled == true;\n", result.Out);
        Assert.Contains("        return \"new\";", File.ReadAllText(directory.Combine("Checkout.cs")));
        Assert.Contains("checkout.new_flow: kept its declaration in flags.yaml: still used in 1 place(s) listed above.", result.Out);
        Assert.Contains("checkout.new_flow:", File.ReadAllText(directory.Combine("flags.yaml")));
    }

    [Fact]
    public void A_use_in_an_if_branch_the_parse_leaves_out_keeps_the_declaration()
    {
        using var directory = new TempDirectory();
        Write(directory, "flags.yaml", Manifest.Replace("    requires: [checkout.new_flow]\n", string.Empty));
        Write(directory, "Checkout.cs", Code.Replace("        return \"old\";", "#if LEGACY\n        if (flags.CheckoutNewFlow.IsEnabled) { return \"legacy\"; }\n#endif\n        return \"old\";"));

        var result = CliRunner.Run("cleanup", "checkout.new_flow", "--remove-declaration", "--project", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("  Checkout.cs:13:19: checkout.new_flow: inside an #if branch this build leaves out; other configurations compile it, so rewrite it by hand\n      if (flags.CheckoutNewFlow.IsEnabled) { return \"legacy\"; }\n", result.Out);
        Assert.Contains("checkout.new_flow:", File.ReadAllText(directory.Combine("flags.yaml")));
    }

    [Fact]
    public void An_override_of_a_deleted_flag_in_appsettings_is_listed_not_edited()
    {
        using var directory = new TempDirectory();
        Write(directory, "flags.yaml", Manifest.Replace("    requires: [checkout.new_flow]\n", string.Empty));
        Write(directory, "Checkout.cs", Code);
        var settings = "{\n  \"Flags\": {\n    \"checkout.new_flow\": \"off\"\n  }\n}\n";
        Write(directory, "appsettings.Development.json", settings);

        var result = CliRunner.Run("cleanup", "checkout.new_flow", "--remove-declaration", "--project", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith(
            "checkout.new_flow: deleted its declaration from flags.yaml.\n\n"
            + "Overrides of the deleted flags (TF2001 in the build once the declaration is gone; delete them):\n"
            + "  appsettings.Development.json:3:5: checkout.new_flow\n"
            + "      \"checkout.new_flow\": \"off\"\n",
            result.Out);
        Assert.Equal(settings, File.ReadAllText(directory.Combine("appsettings.Development.json")));
        Assert.DoesNotContain("checkout.new_flow:", File.ReadAllText(directory.Combine("flags.yaml")));
    }

    [Fact]
    public void A_file_that_does_not_parse_is_not_rewritten()
    {
        using var directory = new TempDirectory();
        Write(directory, "flags.yaml", Manifest);
        var broken = Code.Replace("return \"old\";", "return \"old\"");
        Write(directory, "Checkout.cs", broken);
        var time = File.GetLastWriteTimeUtc(directory.Combine("Checkout.cs"));

        var result = CliRunner.Run("cleanup", "checkout.new_flow", "--project", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("  Checkout.cs:7:13: checkout.new_flow: the file does not parse (CS1002 at 12:21: ; expected); fix it, then run cleanup again\n", result.Out);
        Assert.Equal(broken, File.ReadAllText(directory.Combine("Checkout.cs")));
        Assert.Equal(time, File.GetLastWriteTimeUtc(directory.Combine("Checkout.cs")));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_listed_where_it_names_the_flag()
    {
        using var directory = new TempDirectory();
        Write(directory, "flags.yaml", Manifest);
        var path = directory.Combine("Legacy.cs");
        var bytes = Encoding.Latin1.GetBytes("// Caf\u00e9\nclass Legacy { bool On(Shop.AppFlags f) => f.CheckoutNewFlow.IsEnabled; }\n");
        File.WriteAllBytes(path, bytes);

        var result = CliRunner.Run("cleanup", "checkout.new_flow", "--project", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("  Legacy.cs:2:46: checkout.new_flow: the file is not UTF-8 (invalid byte 0xE9 at offset 6), so it is neither parsed nor rewritten; make it UTF-8, then run cleanup again\n", result.Out);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void An_unknown_key_names_the_near_matches()
    {
        using var directory = new TempDirectory();
        Write(directory, "flags.yaml", Manifest);

        var result = CliRunner.Run("cleanup", "checkout.new-flow", "--project", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("typedflags: no flag 'checkout.new-flow' is declared in flags.yaml; did you mean 'checkout.new_flow'?\n", result.Error);
    }

    [Fact]
    public void An_undecided_flag_needs_a_value()
    {
        using var directory = new TempDirectory();
        Write(directory, "flags.yaml", Manifest.Replace("    default: true\n    launched: 2026-01-01\n", "    rollout: 50\n    expires: 2026-02-01\n"));

        var result = CliRunner.Run("cleanup", "checkout.new_flow", "--project", directory.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("typedflags: flags.yaml does not decide the final value of 'checkout.new_flow' (it depends on the environment, targeting or a partial rollout); choose it with --value: true or false (also 1/0, on/off, yes/no, enabled/disabled).\n", result.Error);
    }

    [Fact]
    public void A_broken_flags_yaml_prints_its_located_diagnostics_and_changes_nothing()
    {
        using var directory = new TempDirectory();
        Write(directory, "flags.yaml", Manifest.Replace("    type: int\n    default: 50", "    type: int\n    default: lots"));
        Write(directory, "Checkout.cs", Code);

        var result = CliRunner.Run("cleanup", "--stale", "--project", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("flags.yaml(18,14): error TF0005:", result.Error);
        Assert.Equal(Code, File.ReadAllText(directory.Combine("Checkout.cs")));
    }

    [Fact]
    public void A_directory_without_flags_yaml_is_exit_1()
    {
        using var directory = new TempDirectory();

        var result = CliRunner.Run("cleanup", "--stale", "--project", directory.Path);
        var missing = CliRunner.Run("cleanup", "--stale", "--project", directory.Combine("nowhere"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("typedflags: no flags.yaml under ", result.Error);
        Assert.Equal(1, missing.ExitCode);
        Assert.EndsWith("is not a directory; --project takes the directory to clean up.\n", missing.Error);
    }

    [Theory]
    [InlineData("cleanup")]
    [InlineData("cleanup", "a.b", "--stale")]
    [InlineData("cleanup", "--stale", "--value", "true")]
    [InlineData("cleanup", "--stael")]
    [InlineData("cleanup", "a.b", "--today", "tomorrow")]
    public void A_bad_command_line_is_exit_2(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("typedflags --help", result.Error);
    }

    private static void Write(TempDirectory directory, string relative, string text)
    {
        var path = directory.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
