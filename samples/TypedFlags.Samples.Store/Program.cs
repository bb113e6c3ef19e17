using System;
using System.Threading.Tasks;
using Contoso.Shop;
using TypedFlags;
using TypedFlags.Store.Sqlite;

// Attaches a SQLite flag store (created on first use) and prints the flags, then again whenever they change: run this,
// and in another terminal
//   typedflags set checkout.express on --store sqlite:flags.db --manifest samples/TypedFlags.Samples.Store/flags.yaml --reason "try it"
// The change shows here within a second, with the store as its source. Enter (or the end of input) quits.
var path = args.Length > 0 ? args[0] : "flags.db";
using var store = SqliteFlagStore.Open(path);
var flags = ShopFlags.Create(options: new FlagOptions { Store = store, EnvironmentVariables = false });
Console.WriteLine($"Watching {store.Source}; change a flag with: typedflags set checkout.express on --store sqlite:{store.Path} --reason \"try it\"");

var quit = Task.Run(Console.ReadLine);
var shown = string.Empty;
while (true)
{
    // Reads are free (an array lookup), so polling the flags is fine for a demo; an app just reads them when it needs them.
    var express = flags.CheckoutExpress.Evaluate(default);
    var results = flags.SearchMaxResults.Evaluate(default);
    var now = $"checkout.express = {express.Mode} ({express.Reason}) from {express.Source}\nsearch.max_results = {results.Value} ({results.Reason}) from {results.Source}";
    if (now != shown)
    {
        Console.WriteLine(now);
        shown = now;
    }

    if (quit.Wait(TimeSpan.FromMilliseconds(50)))
    {
        break;
    }
}
