namespace TypedFlags.Manifest.Diagnostics;

/// <summary>A diagnostic rule: stable id, title, message format and default severity.</summary>
/// <param name="Id">Stable id, never reused.</param>
/// <param name="Title">Short title.</param>
/// <param name="MessageFormat">Composite format string for the message.</param>
/// <param name="Severity">Default severity.</param>
public sealed record ManifestRule(string Id, string Title, string MessageFormat, ManifestSeverity Severity)
{
    /// <summary>Documentation page for the rule.</summary>
    public string HelpLink => ManifestRules.HelpLinkBase + Id + ".md";
}
