using Microsoft.Extensions.Configuration;

namespace TypedFlags.Tests.Infrastructure;

/// <summary>Adds an already built provider to a configuration builder (for providers with a fake variable reader).</summary>
internal sealed class ProviderSource : IConfigurationSource
{
    private readonly IConfigurationProvider _provider;

    public ProviderSource(IConfigurationProvider provider) => _provider = provider;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;
}
