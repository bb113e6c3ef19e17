using System;
using System.Collections.Generic;
using TypedFlags.Store.Sqlite;

namespace TypedFlags.Cli.Store;

/// <summary>
/// Opens a flag store from the scheme and location of <c>--store SCHEME:LOCATION</c>. The PostgreSQL backend ships in
/// its own package; until the tool references it, <c>postgres:</c> is known but reports that it is not available.
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

        // Seam for TypedFlags.Store.PostgreSql: set to its Open once the tool references the package.
        ["postgres"] = null,
    };

    /// <summary>What to tell the user about a scheme this build cannot open.</summary>
    public static string NotAvailable(string scheme) =>
        scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase)
            ? "PostgreSQL store not available in this build of typedflags; use --store sqlite:PATH."
            : $"'{scheme}' stores are not available in this build of typedflags.";

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
