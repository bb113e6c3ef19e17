// Issue 11: OldVar.TwoColumn == OldVar.TwoColumn (CS1718). The comparison is decided: it folds.
using System;
using Consumer;

var f = Flags.Create();
Console.WriteLine(f.OldVar.Value == OldVar.TwoColumn);
Console.WriteLine(f.OldVar.Value != Consumer.OldVar.TwoColumn ? "changed" : "same");
if (f.OldVar.Value == OldVar.OneColumn)
{
    Console.WriteLine("one column");
}

var layout = f.OldVar.Value;
Console.WriteLine(layout);
