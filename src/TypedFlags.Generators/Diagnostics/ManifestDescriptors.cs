using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using TypedFlags.Manifest.Diagnostics;

namespace TypedFlags.Generators.Diagnostics;

/// <summary>
/// The Roslyn descriptors of the flags.yaml rules. Ids, category and severity are literals so the release
/// tracking analyzer (AnalyzerReleases.*.md) can check them; titles, messages and help links come from
/// <see cref="ManifestRules"/>, the one table the CLI and docs share. A test checks the two agree.
/// </summary>
internal static class ManifestDescriptors
{
    /// <summary>Category of every flags.yaml diagnostic.</summary>
    public const string Category = "TypedFlags.Manifest";

    public static readonly DiagnosticDescriptor YamlSyntax = new("TF0001", ManifestRules.YamlSyntax.Title, ManifestRules.YamlSyntax.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.YamlSyntax.HelpLink);

    public static readonly DiagnosticDescriptor UnknownField = new("TF0002", ManifestRules.UnknownField.Title, ManifestRules.UnknownField.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.UnknownField.HelpLink);

    public static readonly DiagnosticDescriptor InvalidName = new("TF0003", ManifestRules.InvalidName.Title, ManifestRules.InvalidName.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.InvalidName.HelpLink);

    public static readonly DiagnosticDescriptor DuplicateName = new("TF0004", ManifestRules.DuplicateName.Title, ManifestRules.DuplicateName.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.DuplicateName.HelpLink);

    public static readonly DiagnosticDescriptor InvalidValue = new("TF0005", ManifestRules.InvalidValue.Title, ManifestRules.InvalidValue.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.InvalidValue.HelpLink);

    public static readonly DiagnosticDescriptor OutOfRange = new("TF0006", ManifestRules.OutOfRange.Title, ManifestRules.OutOfRange.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.OutOfRange.HelpLink);

    public static readonly DiagnosticDescriptor InvalidDate = new("TF0007", ManifestRules.InvalidDate.Title, ManifestRules.InvalidDate.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.InvalidDate.HelpLink);

    public static readonly DiagnosticDescriptor UnknownPhase = new("TF0008", ManifestRules.UnknownPhase.Title, ManifestRules.UnknownPhase.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.UnknownPhase.HelpLink);

    public static readonly DiagnosticDescriptor UnknownPrerequisite = new("TF0009", ManifestRules.UnknownPrerequisite.Title, ManifestRules.UnknownPrerequisite.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.UnknownPrerequisite.HelpLink);

    public static readonly DiagnosticDescriptor PrerequisiteCycle = new("TF0010", ManifestRules.PrerequisiteCycle.Title, ManifestRules.PrerequisiteCycle.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.PrerequisiteCycle.HelpLink);

    public static readonly DiagnosticDescriptor MissingField = new("TF0011", ManifestRules.MissingField.Title, ManifestRules.MissingField.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.MissingField.HelpLink);

    public static readonly DiagnosticDescriptor NameCollision = new("TF0012", ManifestRules.NameCollision.Title, ManifestRules.NameCollision.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.NameCollision.HelpLink);

    public static readonly DiagnosticDescriptor EnvVarCollision = new("TF0013", ManifestRules.EnvVarCollision.Title, ManifestRules.EnvVarCollision.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.EnvVarCollision.HelpLink);

    public static readonly DiagnosticDescriptor UnsupportedVersion = new("TF0014", ManifestRules.UnsupportedVersion.Title, ManifestRules.UnsupportedVersion.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.UnsupportedVersion.HelpLink);

    public static readonly DiagnosticDescriptor InvalidIdentifier = new("TF0015", ManifestRules.InvalidIdentifier.Title, ManifestRules.InvalidIdentifier.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.InvalidIdentifier.HelpLink);

    public static readonly DiagnosticDescriptor NotApplicable = new("TF0016", ManifestRules.NotApplicable.Title, ManifestRules.NotApplicable.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.NotApplicable.HelpLink);

    public static readonly DiagnosticDescriptor UnknownVariant = new("TF0017", ManifestRules.UnknownVariant.Title, ManifestRules.UnknownVariant.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.UnknownVariant.HelpLink);

    public static readonly DiagnosticDescriptor InvalidDuration = new("TF0018", ManifestRules.InvalidDuration.Title, ManifestRules.InvalidDuration.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.InvalidDuration.HelpLink);

    public static readonly DiagnosticDescriptor ScheduleOrder = new("TF0019", ManifestRules.ScheduleOrder.Title, ManifestRules.ScheduleOrder.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.ScheduleOrder.HelpLink);

    public static readonly DiagnosticDescriptor InvalidPrerequisite = new("TF0020", ManifestRules.InvalidPrerequisite.Title, ManifestRules.InvalidPrerequisite.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.InvalidPrerequisite.HelpLink);

    public static readonly DiagnosticDescriptor LimitExceeded = new("TF0021", ManifestRules.LimitExceeded.Title, ManifestRules.LimitExceeded.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.LimitExceeded.HelpLink);

    public static readonly DiagnosticDescriptor InvalidEncoding = new("TF0022", ManifestRules.InvalidEncoding.Title, ManifestRules.InvalidEncoding.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.InvalidEncoding.HelpLink);

    public static readonly DiagnosticDescriptor DuplicateClass = new("TF0023", ManifestRules.DuplicateClass.Title, ManifestRules.DuplicateClass.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.DuplicateClass.HelpLink);

    public static readonly DiagnosticDescriptor InternalError = new("TF0099", ManifestRules.InternalError.Title, ManifestRules.InternalError.MessageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: ManifestRules.InternalError.HelpLink);

    /// <summary>Every descriptor, by id.</summary>
    public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById = new Dictionary<string, DiagnosticDescriptor>
    {
        [YamlSyntax.Id] = YamlSyntax,
        [UnknownField.Id] = UnknownField,
        [InvalidName.Id] = InvalidName,
        [DuplicateName.Id] = DuplicateName,
        [InvalidValue.Id] = InvalidValue,
        [OutOfRange.Id] = OutOfRange,
        [InvalidDate.Id] = InvalidDate,
        [UnknownPhase.Id] = UnknownPhase,
        [UnknownPrerequisite.Id] = UnknownPrerequisite,
        [PrerequisiteCycle.Id] = PrerequisiteCycle,
        [MissingField.Id] = MissingField,
        [NameCollision.Id] = NameCollision,
        [EnvVarCollision.Id] = EnvVarCollision,
        [UnsupportedVersion.Id] = UnsupportedVersion,
        [InvalidIdentifier.Id] = InvalidIdentifier,
        [NotApplicable.Id] = NotApplicable,
        [UnknownVariant.Id] = UnknownVariant,
        [InvalidDuration.Id] = InvalidDuration,
        [ScheduleOrder.Id] = ScheduleOrder,
        [InvalidPrerequisite.Id] = InvalidPrerequisite,
        [LimitExceeded.Id] = LimitExceeded,
        [InvalidEncoding.Id] = InvalidEncoding,
        [DuplicateClass.Id] = DuplicateClass,
        [InternalError.Id] = InternalError,
    };
}
