namespace Contoso.Flags;

// Search flags such as search.typo_tolerance are not read here: a key in a comment is not a reference.
/// <summary>Refuses writes while the read-only kill switch is on.</summary>
public static class ReadOnlyGuard
{
    public static bool IsDeclared(AppFlags flags) => flags.Engine.Manifest.IndexOf("ops.read_only") >= 0;

    public static bool WritesAllowed(AppFlags flags) => !flags.OpsReadOnly.IsEnabled;
}
