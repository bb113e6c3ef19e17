// Tabs for indentation and comments around the removed code keep their places.
using System;

var f = Consumer.Flags.Create();
Run(f);

static void Run(Consumer.Flags f)
{
	// Before the check.
	if (f.OldOn.IsEnabled)
	{
		// Inside the live branch.
		Console.WriteLine("new"); // trailing
		Console.WriteLine("newer");
	}
	else
	{
		Console.WriteLine("old");
	}

	/* after */ Console.WriteLine("done");
}
