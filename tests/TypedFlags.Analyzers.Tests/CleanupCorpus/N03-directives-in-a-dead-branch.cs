// Directives in the code the fix would delete: another configuration compiles that code, so the read stays.
// The read beside it, with no directives in the way, is fixed.
using System;

var flags = Consumer.Flags.Create();
if (!flags.OldOn.IsEnabled)
{
#if DEBUG
    Console.WriteLine("debug, old path");
#endif
    Console.WriteLine("old path");
}

if (flags.OldOn.IsEnabled)
{
    Console.WriteLine("new path");
}
