namespace TypedFlags;

/// <summary>
/// A class of typed flags over one engine. The generated flags class implements it, which is what
/// <see cref="FlagServiceCollectionExtensions.AddTypedFlags{TFlags}(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{FlagOptions}?)"/>
/// requires of its type argument.
/// </summary>
public interface IFlagSet
{
    /// <summary>The engine that evaluates the flags.</summary>
    FlagEngine Engine { get; }
}
