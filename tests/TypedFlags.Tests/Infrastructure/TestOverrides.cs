namespace TypedFlags.Tests.Infrastructure;

/// <summary>The shape of a generated <c>{Class}Overrides</c>, with its protected members opened up for tests.</summary>
internal sealed class TestOverrides : FlagTestOverrides
{
    public TestOverrides(FlagManifest manifest)
        : base(manifest)
    {
    }

    public FlagValue? Peek(string key) => Get(key);

    public void Force(string key, FlagValue? value) => SetOrClear(key, value);
}
