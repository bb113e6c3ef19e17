// Issue 11: flags?.OldOn.IsEnabled == true became flags?true == true (CS1003, CS1525). The read stays; the plain read is fixed.
using System;

Consumer.Flags? present = Consumer.Flags.Create();
Consumer.Flags? missing = null;
Console.WriteLine("present: " + (present?.OldOn.IsEnabled == true));
Console.WriteLine("missing: " + (missing?.OldOn.IsEnabled == true));
Console.WriteLine("missing, or: " + (missing?.OldOn.IsEnabled ?? false));
if (present!.OldOn.IsEnabled)
{
    Console.WriteLine("plain read");
}
