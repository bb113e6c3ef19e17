// Issue 11: true is true and var b (CS8793). The pattern cannot be decided without b: the read stays.
using System;

var f = Consumer.Flags.Create();
if (f.OldOn.IsEnabled is true and var b)
{
    Console.WriteLine("matched " + b);
}

Console.WriteLine(f.OldOn.IsEnabled is true ? "is true" : "is not");
