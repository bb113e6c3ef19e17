// Issue 11: flattening the block kept the writer open over the read: "hello" before the fix, nothing after.
using System;
using System.IO;

var flags = Consumer.Flags.Create();
var path = Path.GetTempFileName();
if (flags.OldOn.IsEnabled) { using var w = new StreamWriter(path); w.Write("hello"); }
Console.WriteLine(File.ReadAllText(path));

if (flags.OnFlag.IsEnabled)
{
    using var again = new StreamWriter(path);
    again.Write("again");
}
else
{
    Console.WriteLine("never");
}

Console.WriteLine(File.ReadAllText(path));
File.Delete(path);
