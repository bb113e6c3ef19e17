// Reads in interpolations, casts, lambdas and expression bodies; a goto that becomes unconditional; a variant in a
// switch statement (left alone) and in a comparison (decided).
using System;
using Consumer;

var f = Flags.Create();
Console.WriteLine($"{(f.OldOn.IsEnabled ? "a" : "b")} {(f.OffFlag.IsEnabled ? 1 : 2):D3} {(long)f.SearchLimit.Value}");
Console.WriteLine((object)f.OldOn.IsEnabled);
Console.WriteLine(f.Greeting.Value + "!" + f.OldVar.Value.ToString());
Func<int> pick = () =>
{
    if (f.OldOn.IsEnabled) return 1;
    return 2;
};
Console.WriteLine(pick());
Console.WriteLine(Choose(f));
Console.WriteLine(f.OldVar.Value == OldVar.TwoColumn && args.Length == 0);
switch (f.OldVar.Value)
{
    case OldVar.OneColumn:
        Console.WriteLine("one column");
        break;
    case OldVar.TwoColumn:
        Console.WriteLine("two columns");
        break;
}

if (f.OldOn.IsEnabled)
{
    goto done;
}

Console.WriteLine("skipped");
done:
Console.WriteLine("done");

static int Choose(Flags f) => f.OffFlag.IsEnabled ? 1 : f.OnFlag.IsEnabled ? 2 : 3;
