// Issue 11: an if body with #if DEBUG ... #else ... #endif lost #else, the release branch and #endif (CS1027).
// The block stays a block; the if around it goes.
using System;

var flags = Consumer.Flags.Create();
if (flags.OldOn.IsEnabled)
{
#if DEBUG
    Console.WriteLine("debug build");
#else
    Console.WriteLine("release build");
#endif
}

if (flags.OffFlag.IsEnabled)
{
    Console.WriteLine("never");
}
else
{
#region kept
    Console.WriteLine("else branch");
#endregion
}

Console.WriteLine("done");
