// Every stale read here is left alone.
// Nothing here can be rewritten safely, so Fix All changes nothing.
using System;

var f = Consumer.Flags.Create();
Consumer.Flags? maybe = f;
Console.WriteLine(nameof(f.OnFlag.IsEnabled) + " " + (maybe?.OnFlag.IsEnabled ?? false));
