using Xunit;

namespace TypedFlags.Store.PostgreSql.Tests.Infrastructure;

/// <summary>
/// The tests that share one server (each on its own database). Fault tests that stop the server start their own
/// <see cref="PostgreSqlServer"/> instead, so stopping it never disturbs another test.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL server";
}
