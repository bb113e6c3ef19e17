// Issue 11: inside a switch section the spliced statements landed at column 0.
using System;

var f = Consumer.Flags.Create();
for (var n = 0; n < 4; n++)
{
    switch (n)
    {
        case 0:
            if (f.OldOn.IsEnabled) { Console.WriteLine("zero"); }
            break;
        case 1: if (f.OldOn.IsEnabled)
            {
                Console.WriteLine("one");
            }
            break;
        case 2:
            switch (f.OnFlag.IsEnabled)
            {
                case true:
                    Console.WriteLine("two");
                    break;
            }
            break;
        default:
            if (!f.OffFlag.IsEnabled)
            {
                Console.WriteLine("default");
            }
            break;
    }
}
