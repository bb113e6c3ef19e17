// A variable declared in a condition the fix would remove (out var, is var) is in scope after the if; when code after
// it assigns and reads it, the read stays. One nobody uses again goes with its condition.
using System;

var f = Consumer.Flags.Create();
var text = args.Length > 0 ? args[0] : "42";
if (f.OffFlag.IsEnabled && int.TryParse(text, out var parsed))
{
    Console.WriteLine("parsed " + parsed);
}

parsed = 7;
Console.WriteLine(parsed);

if (f.OffFlag.IsEnabled && text is var unused)
{
    Console.WriteLine(unused);
}

Console.WriteLine(f.OldOn.IsEnabled && text is { Length: > 1 } ? "long" : "short");
