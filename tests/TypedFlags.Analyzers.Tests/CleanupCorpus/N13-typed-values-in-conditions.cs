// Typed values in conditions, switches and patterns: once inlined the compiler sees constants, so what it decides
// (unreachable code, patterns that always match) must be decided by the fix first, or left alone.
using System;
using Consumer;

var f = Flags.Create();
if (f.Greeting.Value == "Hi")
{
    Console.WriteLine("short greeting");
}

if (f.PricingRate.Value >= 2.0) Console.WriteLine("rate at least 2");
if (f.SearchLimit.Value < 0 && args.Length == 0) Console.WriteLine("negative limit");
Console.WriteLine(f.OldVar.Value switch { OldVar.TwoColumn => "two", _ => "one" });
Console.WriteLine(f.Greeting.Value switch { "Hi" => "hi", var other => other.Length.ToString() });
switch (f.SearchLimit.Value)
{
    case -5:
        Console.WriteLine("minus five");
        break;
    default:
        Console.WriteLine("something else");
        break;
}

Console.WriteLine(f.SearchLimit.Value is < 0 ? "below" : "above");
Console.WriteLine(f.Greeting.Value.Length + f.SearchLimit.Value.ToString());
