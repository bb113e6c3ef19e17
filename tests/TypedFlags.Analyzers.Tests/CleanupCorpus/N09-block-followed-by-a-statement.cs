// Issue 11: an if block followed by a statement ended up on one line with it.
using System;

var f = Consumer.Flags.Create();
if (f.OldOn.IsEnabled) { Console.WriteLine("x"); }
Console.WriteLine("y");
if (f.OldOn.IsEnabled) { Console.WriteLine("one"); Console.WriteLine("two"); } // trailing comment
Console.WriteLine("z");
