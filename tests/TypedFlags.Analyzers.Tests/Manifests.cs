namespace TypedFlags.Analyzers.Tests;

/// <summary>The flags.yaml the tests share. "Today" is 2026-11-22 (see ConsumerProject.Today).</summary>
internal static class Manifests
{
    public const string Standard = """
        version: 1
        flags:
          beta.banner:
            description: Beta banner
          new.checkout:
            description: New checkout, launched for everyone
            default: true
            launched: 2026-09-01
          old.search:
            description: Old search, switched off and past its expiry
            expires: 2026-11-01
          legacy.export:
            description: Half rolled out, then expired
            expires: 2026-10-15
            rollout: 50
          ops.limit:
            description: Request limit
            type: int
            default: 5
            kind: operational
            created: 2026-11-01
          fresh.flag:
            description: Expires in the future
            created: 2026-11-20
            expires: 2026-12-31
        """;

    /// <summary>
    /// <paramref name="manifest"/> with the declarations of <paramref name="keys"/> wrapped in the testing framework's
    /// numbered markup, {|#n:key|} with n the key's index, where diagnostics about those flags are expected.
    /// </summary>
    public static string Marked(string manifest, params string[] keys)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            var declaration = "\n  " + keys[i] + ":";
            if (!manifest.Contains(declaration))
            {
                throw new System.ArgumentException($"No declaration of '{keys[i]}' to mark.", nameof(keys));
            }

            manifest = manifest.Replace(declaration, "\n  {|#" + i + ":" + keys[i] + "|}:");
        }

        return manifest;
    }
}
