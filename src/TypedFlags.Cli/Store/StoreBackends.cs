using System;
using System.Collections.Generic;
using Npgsql;
using TypedFlags.Store.PostgreSql;
using TypedFlags.Store.Sqlite;

namespace TypedFlags.Cli.Store;

/// <summary>
/// Opens a flag store from the scheme and location of <c>--store SCHEME:LOCATION</c>: <c>sqlite:PATH</c> or
/// <c>postgres:CONNECTION</c> (an Npgsql connection string).
/// </summary>
internal static class StoreBackends
{
    /// <summary>The schemes <c>--store</c> accepts, for messages.</summary>
    public const string Accepted = "sqlite:PATH or postgres:CONNECTION";

    /// <summary>Opens a store at a location; <c>mustExist</c> is true for commands that only read.</summary>
    public delegate FlagStore Opener(string location, bool mustExist);

    /// <summary>The backends by scheme (lowercase). A null opener is a scheme this build of the tool cannot open yet.</summary>
    public static readonly IReadOnlyDictionary<string, Opener?> ByScheme = new Dictionary<string, Opener?>(StringComparer.OrdinalIgnoreCase)
    {
        ["sqlite"] = OpenSqlite,

        ["postgres"] = OpenPostgres,
    };

    /// <summary>What to tell the user about a scheme this build cannot open.</summary>
    public static string NotAvailable(string scheme) =>
        scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase)
            ? "PostgreSQL store not available in this build of typedflags; use --store sqlite:PATH."
            : $"'{scheme}' stores are not available in this build of typedflags.";

    /// <summary>
    /// What to show of <c>--store</c> in messages: a PostgreSQL connection string without its password (it may be in a
    /// CI log); anything else as given.
    /// </summary>
    public static string Display(string given)
    {
        const string Prefix = "postgres:";
        if (!given.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return given;
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(given.Substring(Prefix.Length));
            if (builder.Password is not null)
            {
                builder.Password = "***";
            }

            return Prefix + builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return Prefix + "(a connection string that does not parse)";
        }
    }

    private static FlagStore OpenPostgres(string location, bool mustExist)
    {
        // Reading commands report a database without a store instead of creating the tables.
        if (mustExist && !PostgreSqlFlagStore.Exists(location))
        {
            var builder = new NpgsqlConnectionStringBuilder(location);
            throw new StoreNotFoundException($"no flag store in database '{builder.Database}' on {builder.Host} (a store is created by its first write).");
        }

        return PostgreSqlFlagStore.Open(location);
    }

    private static FlagStore OpenSqlite(string location, bool mustExist)
    {
        if (mustExist && !System.IO.File.Exists(location))
        {
            throw new StoreNotFoundException($"no flag store at '{location}' (a store is created by its first write).");
        }

        return SqliteFlagStore.Open(location);
    }
}

/// <summary>A read command named a store that does not exist: reported, not created.</summary>
internal sealed class StoreNotFoundException : Exception
{
    public StoreNotFoundException(string message)
        : base(message)
    {
    }
}
