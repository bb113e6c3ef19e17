namespace TypedFlags.Manifest.Overrides;

/// <summary>
/// The wording of TF2001 (an override of an undeclared flag) and TF2002 (a value the flag's grammar rejects). The
/// analyzers report appsettings*.json with these formats and the runtime's flag store rejects writes with them, so
/// an operator reads the same sentence from the build, the CLI and the admin API.
/// </summary>
#if TYPEDFLAGS_RUNTIME
internal
#else
public
#endif
static class OverrideMessages
{
    /// <summary>TF2001: {0} where the override is written, {1} the "did you mean" suffix or empty.</summary>
    public const string UndeclaredFormat = "'{0}' overrides a flag that flags.yaml does not declare{1}";

    /// <summary>TF2002: {0} where, {1} what was found, {2} the flag's type, {3} its key, {4} what is accepted.</summary>
    public const string InvalidFormat = "'{0}': {1} is not valid for {2} flag '{3}': expected {4}";

    /// <summary>TF2001's message for an override at <paramref name="location"/> of the undeclared <paramref name="key"/>.</summary>
    public static string Undeclared(string location, string key, System.Collections.Generic.IEnumerable<string> declared) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, UndeclaredFormat, location, TypedFlags.Manifest.Naming.Suggestions.DidYouMean(key, declared));

    /// <summary>TF2002's message for <paramref name="problem"/> in the override of <paramref name="flag"/>.</summary>
    public static string Invalid(string location, OverrideProblem problem, OverrideFlagShape flag) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, InvalidFormat, location, problem.Shown, flag.TypeName, flag.Key, problem.Accepted);
}
