// Loops over a stale flag: a loop that can no longer run goes, one that runs until a break keeps its break, one
// whose initializer runs first keeps its read (left as for (...; false; ...) its body is unreachable, CS0162).
using System;

var f = Consumer.Flags.Create();
var turns = 0;
while (!f.OldOn.IsEnabled)
{
    Console.WriteLine("never");
}

for (; f.OffFlag.IsEnabled;)
{
    Console.WriteLine("never either");
}

do
{
    turns++;
}
while (f.OffFlag.IsEnabled && turns < 3);

while (f.OldOn.IsEnabled)
{
    turns++;
    if (turns > 5)
    {
        break;
    }
}

Console.WriteLine(turns);

// Its initializer runs before the condition fails: the loop stays, and so does the read.
for (var i = Count(); f.OffFlag.IsEnabled; i++)
{
    Console.WriteLine(i);
}

static int Count()
{
    Console.WriteLine("counted");
    return 0;
}
