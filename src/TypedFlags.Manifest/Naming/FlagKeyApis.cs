using System.Collections.Generic;

namespace TypedFlags.Manifest.Naming;

/// <summary>
/// The APIs whose string arguments are flag keys (SPEC §5, TF1001): parameters marked <c>[FlagKey]</c>, the TypedFlags
/// runtime members that carry the mark, and Microsoft.FeatureManagement's feature-name parameters. The TF1001 analyzer
/// reads the marks through the semantic model; the CLI's report sees syntax only and finds the same calls by these names.
/// </summary>
public static class FlagKeyApis
{
    /// <summary>The marker attribute's name as written in source, without the <c>Attribute</c> suffix.</summary>
    public const string AttributeName = "FlagKey";

    /// <summary>The marker attribute's full metadata name.</summary>
    public const string AttributeMetadataName = "TypedFlags.FlagKeyAttribute";

    /// <summary>
    /// The members of the TypedFlags packages with a <c>[FlagKey]</c> parameter: the runtime's <c>FlagManifest.IndexOf</c>,
    /// <c>FlagEngine.Evaluate</c> and the <c>FlagTestOverrides</c> members, and TypedFlags.AspNetCore's gates
    /// (<c>RequireFlag</c>, the extension and the attribute), <c>IsShadow</c> and <c>RunFlag</c>/<c>RunFlagAsync</c>. A test
    /// reads the packages' sources so a newly marked member cannot be forgotten here.
    /// </summary>
    public static readonly IReadOnlyList<string> RuntimeMembers = new[]
    {
        "IndexOf", "Evaluate", "Set", "TryGet", "Get", "SetOrClear", "RequireFlag", "IsShadow", "RunFlag", "RunFlagAsync",
    };

    /// <summary>
    /// The Microsoft.FeatureManagement members whose <see cref="IsFeatureManagementKeyParameter">feature-name
    /// parameters</see> take keys: <c>IFeatureManager.IsEnabledAsync</c>, <c>IVariantFeatureManager.GetVariantAsync</c>,
    /// <c>[FeatureGate]</c> and the ASP.NET Core helpers.
    /// </summary>
    public static readonly IReadOnlyList<string> FeatureManagementMembers = new[]
    {
        "IsEnabledAsync", "GetVariantAsync", "FeatureGate", "WithFeatureGate", "UseForFeature", "UseMiddlewareForFeature", "AddForFeature", "WithVariantService",
    };

    /// <summary>
    /// True for the names Microsoft.FeatureManagement gives every feature-name parameter (<c>feature</c>,
    /// <c>features</c>, <c>featureName</c>) across the members of <see cref="FeatureManagementMembers"/>.
    /// </summary>
    public static bool IsFeatureManagementKeyParameter(string name) => name is "feature" or "features" or "featureName";
}
