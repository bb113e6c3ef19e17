using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace TypedFlags.Tests.Infrastructure;

/// <summary>A configuration over one in-memory provider: <see cref="Set"/> changes a value, <see cref="Reload"/> publishes it.</summary>
internal sealed class MemoryConfiguration
{
    private readonly MemoryConfigurationProvider _provider;

    private MemoryConfiguration(IConfigurationRoot root)
    {
        Root = root;
        _provider = root.Providers.OfType<MemoryConfigurationProvider>().Single();
    }

    public IConfigurationRoot Root { get; }

    public static MemoryConfiguration Create(IEnumerable<KeyValuePair<string, string?>> values) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    /// <summary>Changes a value without signalling: configuration readers see it only after <see cref="Reload"/>.</summary>
    public void Set(string key, string? value) => _provider.Set(key, value);

    /// <summary>Re-loads every provider and fires the reload token, as a changed appsettings.json does.</summary>
    public void Reload() => Root.Reload();
}
