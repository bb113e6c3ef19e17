// Reads in methods, lambdas and local functions, early returns and throws, K&R braces and a local holding the flag.
using System;
using System.Linq;

var f = Consumer.Flags.Create();
Func<bool> on = () => f.OldOn.IsEnabled;
Console.WriteLine(on());
Console.WriteLine(Describe(f));
Console.WriteLine(Total(f, new[] { 1, 2, 3 }));
Console.WriteLine(Guarded(f));
Console.WriteLine(f.OldOn.IsEnabled.ToString() + f.SearchLimit.Value.ToString());

static string Describe(Consumer.Flags f) {
    var enabled = f.OldOn.IsEnabled;
    if (!enabled) {
        return "old";
    } else {
        // the new way
        var name = "new";
        return name + (f.OffFlag.IsEnabled ? "!" : ".");
    }
}

static int Total(Consumer.Flags f, int[] values)
{
    var total = values.Where(v => f.OffFlag.IsEnabled || v > 1).Sum();
    if (f.OnFlag.IsEnabled)
    {
        total *= 2;
    }

    return total;
}

static string Guarded(Consumer.Flags f)
{
    if (f.OffFlag.IsEnabled)
    {
        throw new InvalidOperationException("off");
    }

    if (!f.OnFlag.IsEnabled) return "early";
    return "late";
}
