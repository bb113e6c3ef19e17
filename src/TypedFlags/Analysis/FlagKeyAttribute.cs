using System;

namespace TypedFlags;

/// <summary>
/// Marks a parameter, field or property whose string value is a flag key. The TypedFlags analyzers check every
/// constant passed to it against flags.yaml (TF1001 for an undeclared key, TF1101/TF1102 for a stale one), so
/// a wrapper of your own gets the same build-time checks as the TypedFlags APIs.
/// </summary>
/// <example>
/// <code>
/// public bool IsOn([FlagKey] string key) =&gt; _flags.Engine.Manifest.IndexOf(key) &gt;= 0;
/// IsOn("checkout.new-flow"); // TF1001 when flags.yaml does not declare checkout.new-flow
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class FlagKeyAttribute : Attribute
{
}
