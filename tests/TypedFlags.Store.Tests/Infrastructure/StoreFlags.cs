using System;

namespace TypedFlags.Store.Tests.Infrastructure;

/// <summary>A flags class in the shape the generator emits, with one flag of each type.</summary>
public sealed class StoreFlags : IFlagSet
{
    public StoreFlags(FlagEngine engine)
    {
        Engine = engine;
        Checkout = new BoolFlag(engine, 0);
        SearchLimit = new Flag<int>(engine, 1);
        BannerText = new Flag<string>(engine, 2);
        Layout = new VariantFlag<StoreLayout>(engine, 3, new[] { StoreLayout.Classic, StoreLayout.Compact });
    }

    public StoreFlags(FlagEngineFactory factory)
        : this((factory ?? throw new ArgumentNullException(nameof(factory))).Create(Manifest))
    {
    }

    /// <summary>Env vars are unique to these tests, so no other test's process environment leaks in.</summary>
    public static FlagManifest Manifest { get; } = new(
        new[]
        {
            new FlagDefinition("checkout.new", FlagValueKind.Bool, "New checkout", FlagValue.FromBool(false), "TFSTORE_CHECKOUT_NEW"),
            new FlagDefinition("search.limit", FlagValueKind.Int, "Results per page", FlagValue.FromInt(10), "TFSTORE_SEARCH_LIMIT"),
            new FlagDefinition("banner.text", FlagValueKind.String, "Banner", FlagValue.FromString("hello"), "TFSTORE_BANNER_TEXT"),
            new FlagDefinition("layout", FlagValueKind.Variant, "Layout", FlagValue.FromVariant(0), "TFSTORE_LAYOUT", variants: new[] { "classic", "compact" }),
        },
        Array.Empty<FlagPhase>());

    public FlagEngine Engine { get; }

    public BoolFlag Checkout { get; }

    public Flag<int> SearchLimit { get; }

    public Flag<string> BannerText { get; }

    public VariantFlag<StoreLayout> Layout { get; }

    /// <summary>An engine over <paramref name="store"/> only (no configuration, no environment variables).</summary>
    public static StoreFlags Over(FlagStore store, TimeProvider? clock = null) =>
        new(new FlagEngine(Manifest, configuration: null, new FlagOptions { Store = store, EnvironmentVariables = false, TimeProvider = clock, EnvironmentName = "Production" }));
}

public enum StoreLayout
{
    Classic,
    Compact,
}
