using System;
using System.Collections.Generic;

namespace TypedFlags.Manifest.Diagnostics;

/// <summary>
/// Every TF00xx rule of flags.yaml. The generator, the CLI and the docs all read this table, so an id
/// means the same thing everywhere. Ids are stable: retire, never renumber.
/// </summary>
public static class ManifestRules
{
    /// <summary>Base address of the diagnostic pages (<c>docs/diagnostics/TFxxxx.md</c>).</summary>
    public const string HelpLinkBase = "https://github.com/typedflags/typedflags/blob/main/docs/diagnostics/";

    /// <summary>The file is not well-formed YAML.</summary>
    public static readonly ManifestRule YamlSyntax = Error("TF0001", "flags.yaml is not valid YAML", "{0}");

    /// <summary>A field name that the format does not define.</summary>
    public static readonly ManifestRule UnknownField = Error("TF0002", "Unknown field", "Unknown field '{0}' in {1}{2}");

    /// <summary>A flag key, variant name or phase name breaks the naming grammar.</summary>
    public static readonly ManifestRule InvalidName = Error("TF0003", "Invalid name", "{0} '{1}' is not valid: {2}");

    /// <summary>Two entries whose names must be unique (case-insensitively) are not.</summary>
    public static readonly ManifestRule DuplicateName = Error("TF0004", "Duplicate name", "{0} '{1}' is declared more than once (names are compared case-insensitively; first at line {2})");

    /// <summary>A value of the wrong YAML or flag type.</summary>
    public static readonly ManifestRule InvalidValue = Error("TF0005", "Invalid value", "Invalid value {0} for '{1}': expected {2}");

    /// <summary>A number outside its allowed range or precision.</summary>
    public static readonly ManifestRule OutOfRange = Error("TF0006", "Value out of range", "'{0}' is out of range: {1}");

    /// <summary>A date that is not yyyy-MM-dd, or a timestamp that is not ISO 8601.</summary>
    public static readonly ManifestRule InvalidDate = Error("TF0007", "Invalid date", "Invalid date '{0}' for '{1}': expected {2}");

    /// <summary>A flag names a phase that is not declared.</summary>
    public static readonly ManifestRule UnknownPhase = Error("TF0008", "Unknown phase", "Flag '{0}' uses phase '{1}', which is not declared (declared: {2}){3}");

    /// <summary>A prerequisite key that is not declared.</summary>
    public static readonly ManifestRule UnknownPrerequisite = Error("TF0009", "Unknown prerequisite", "Flag '{0}' requires '{1}', which is not declared{2}");

    /// <summary>Prerequisites form a cycle.</summary>
    public static readonly ManifestRule PrerequisiteCycle = Error("TF0010", "Prerequisite cycle", "Prerequisites form a cycle: {0}");

    /// <summary>A required field is missing.</summary>
    public static readonly ManifestRule MissingField = Error("TF0011", "Missing required field", "Required field '{0}' is missing in {1}");

    /// <summary>Two flags, or a flag and a generated member, produce the same C# name.</summary>
    public static readonly ManifestRule NameCollision = Error("TF0012", "Generated name collision", "{0} '{1}' produces the C# name '{2}', which {3}");

    /// <summary>Two flags use the same environment variable.</summary>
    public static readonly ManifestRule EnvVarCollision = Error("TF0013", "Environment variable collision", "Flag '{0}' uses environment variable '{1}', which flag '{2}' already uses");

    /// <summary>The format version is missing or not supported.</summary>
    public static readonly ManifestRule UnsupportedVersion = Error("TF0014", "Unsupported format version", "Unsupported flags.yaml version {0}: this version of TypedFlags reads version 1");

    /// <summary>A namespace, class name, environment variable or prefix that is not a valid identifier.</summary>
    public static readonly ManifestRule InvalidIdentifier = Error("TF0015", "Invalid identifier", "'{0}' is not a valid {1}: {2}");

    /// <summary>A field that does not apply to the flag's type.</summary>
    public static readonly ManifestRule NotApplicable = Error("TF0016", "Field does not apply to this flag type", "'{0}' does not apply to {1} flags{2}");

    /// <summary>A variant name that the flag does not declare.</summary>
    public static readonly ManifestRule UnknownVariant = Error("TF0017", "Unknown variant", "'{0}' is not a variant of flag '{1}' (variants: {2}){3}");

    /// <summary>A duration that is not <c>Nd</c>/<c>Nw</c> (or <c>never</c> where allowed).</summary>
    public static readonly ManifestRule InvalidDuration = Error("TF0018", "Invalid duration", "Invalid duration '{0}' for '{1}': expected {2}");

    /// <summary>Schedule steps that are not in strictly ascending time order.</summary>
    public static readonly ManifestRule ScheduleOrder = Error("TF0019", "Schedule out of order", "Schedule step at {0} of flag '{1}' does not come after the previous step ({2}); steps must be in ascending time order");

    /// <summary>A prerequisite that is not a bool flag, or the flag itself.</summary>
    public static readonly ManifestRule InvalidPrerequisite = Error("TF0020", "Invalid prerequisite", "Flag '{0}' cannot require '{1}': {2}");

    /// <summary>A document beyond the parser's safety limits (size, nesting, alias expansion).</summary>
    public static readonly ManifestRule LimitExceeded = Error("TF0021", "Document limit exceeded", "flags.yaml exceeds a safety limit: {0}");

    /// <summary>The bytes of the file are not valid UTF-8 (from bytes: the bad byte and its offset; from text a compiler decoded: its U+FFFD).</summary>
    public static readonly ManifestRule InvalidEncoding = Error("TF0022", "Invalid encoding", "flags.yaml is not valid UTF-8: {0}; save the file as UTF-8");

    /// <summary>Two manifests in one project generate the same class.</summary>
    public static readonly ManifestRule DuplicateClass = Error("TF0023", "Duplicate generated class", "Class '{0}' is generated from more than one flags file ({1}); set a different 'namespace' or 'class' in one of them");

    /// <summary>An unexpected failure inside TypedFlags; reported instead of crashing the build.</summary>
    public static readonly ManifestRule InternalError = Error("TF0099", "TypedFlags internal error", "TypedFlags could not process '{0}': {1}. Please report this with the file attached.");

    private static readonly Dictionary<string, ManifestRule> ById = Index();

    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyCollection<ManifestRule> All => ById.Values;

    /// <summary>The rule with id <paramref name="id"/>.</summary>
    public static ManifestRule Get(string id) =>
        ById.TryGetValue(id, out var rule) ? rule : throw new ArgumentException($"Unknown TypedFlags diagnostic id '{id}'.", nameof(id));

    private static ManifestRule Error(string id, string title, string format) => new(id, title, format, ManifestSeverity.Error);

    private static Dictionary<string, ManifestRule> Index()
    {
        var rules = new[]
        {
            YamlSyntax, UnknownField, InvalidName, DuplicateName, InvalidValue, OutOfRange, InvalidDate,
            UnknownPhase, UnknownPrerequisite, PrerequisiteCycle, MissingField, NameCollision, EnvVarCollision,
            UnsupportedVersion, InvalidIdentifier, NotApplicable, UnknownVariant, InvalidDuration, ScheduleOrder,
            InvalidPrerequisite, LimitExceeded, InvalidEncoding, DuplicateClass, InternalError,
        };
        var map = new Dictionary<string, ManifestRule>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            map.Add(rule.Id, rule);
        }

        return map;
    }
}
