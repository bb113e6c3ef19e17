// Issue 11: nameof(f.OldOn.IsEnabled) became nameof(true) (CS8081). A name is not a read: it stays.
using System;

var f = Consumer.Flags.Create();
Console.WriteLine(nameof(f.OldOn.IsEnabled));
Console.WriteLine(nameof(f.OldOn));
Console.WriteLine(f.OldOn.IsEnabled ? "on" : "off");
