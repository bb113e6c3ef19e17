using System;
using System.Data.Common;

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
            console.Error.WriteLine($"typedflags: '{(scheme.Length > 0 ? scheme + ":..." : given)}' is not a store: expected {StoreBackends.Accepted}.");
            return ExitCodes.Usage;
        }

        // A connection string may hold a password: messages show it masked.
        var shown = StoreBackends.Display(given);
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
        catch (Exception ex) when (ex is StoreNotFoundException or DbException or FlagStoreSchemaException or System.IO.IOException or UnauthorizedAccessException or ArgumentException)
        {
            console.Error.WriteLine($"typedflags: cannot open the store '{shown}': {ex.Message}");
            return ExitCodes.Findings;
        }

        using (store)
        {
            try
            {
                return action(store, manifest);
            }
            catch (DbException ex)
            {
                // Any backend's database error (a lock held past the busy timeout, a full disk, a dropped connection):
                // the transaction rolled back, so nothing was written.
                console.Error.WriteLine($"typedflags: the store '{shown}' failed: {ex.Message} Nothing was written.");
                return ExitCodes.Findings;
            }
        }
    }
}
