namespace TypedFlags;

/// <summary>
/// The caller of the current unit of work (a web request, a message being handled), for code that evaluates flags
/// without a <see cref="FlagContext"/> in hand: an injected service, or an adapter such as
/// TypedFlags.FeatureManagement's <c>IFeatureManager</c>. TypedFlags.AspNetCore's <c>AddHttpFlagContext()</c>
/// registers one that reads the current HTTP request; an application can register its own.
/// </summary>
public interface IFlagContextAccessor
{
    /// <summary>The current caller, or the default (anonymous) context when there is none.</summary>
    FlagContext Current { get; }
}
