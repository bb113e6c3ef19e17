using System;
using Microsoft.Data.Sqlite;

namespace TypedFlags.Cli.Store;

/// <summary>
/// Runs one store command: resolves <c>--store</c> (or <c>TYPEDFLAGS_STORE</c>), loads the manifest, opens the store,
/// and turns every failure into one line on standard error and an exit code (2 for usage, 1 otherwise).
/// </summary>
internal static class StoreSession
{
    public static int Run(string? storeOption, string? manifestPath, bool writes, CliConsole console, Func<FlagStore, FlagManifest, int> action)
    {
        var given = string.IsNullOrWhiteSpace(storeOption) ? console.GetEnvironmentVariable(StoreOptions.EnvironmentVariable) : storeOption;
        if (string.IsNullOrWhiteSpace(given))
        {
            console.Error.WriteLine($"typedflags: no store given: pass --store {StoreBackends.Accepted}, or set {StoreOptions.EnvironmentVariable}.");
            return ExitCodes.Usage;
        }

        var colon = given!.IndexOf(':');
        var scheme = colon > 0 ? given.Substring(0, colon) : string.Empty;
        var location = colon > 0 ? given.Substring(colon + 1) : string.Empty;
        if (!StoreBackends.ByScheme.TryGetValue(scheme, out var opener) || location.Trim().Length == 0)
        {
            console.Error.WriteLine($"typedflags: '{given}' is not a store: expected {StoreBackends.Accepted}.");
            return ExitCodes.Usage;
        }

        if (opener is null)
        {
            console.Error.WriteLine("typedflags: " + StoreBackends.NotAvailable(scheme));
            return ExitCodes.Findings;
        }

        var manifest = StoreManifest.Load(manifestPath, console, out var exitCode);
        if (manifest is null)
        {
            return exitCode;
        }

        FlagStore store;
        try
        {
            store = opener(location, mustExist: !writes);
        }
        catch (Exception ex) when (ex is StoreNotFoundException or SqliteException or Npgsql.NpgsqlException or FlagStoreSchemaException or System.IO.IOException or UnauthorizedAccessException or ArgumentException)
        {
            console.Error.WriteLine($"typedflags: cannot open the store '{StoreBackends.Display(given)}': {ex.Message}");
            return ExitCodes.Findings;
        }

        using (store)
        {
            return action(store, manifest);
        }
    }
}
