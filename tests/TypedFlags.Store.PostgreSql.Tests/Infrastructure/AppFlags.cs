using System;

namespace TypedFlags.Store.PostgreSql.Tests.Infrastructure;

/// <summary>A flags class in the shape the generator emits, over <see cref="StoreFlags.Manifest"/>, for the DI tests.</summary>
public sealed class AppFlags : IFlagSet
{
    public AppFlags(FlagEngineFactory factory)
    {
        Engine = (factory ?? throw new ArgumentNullException(nameof(factory))).Create(StoreFlags.Manifest);
        Checkout = new BoolFlag(Engine, 0);
    }

    public FlagEngine Engine { get; }

    public BoolFlag Checkout { get; }
}
