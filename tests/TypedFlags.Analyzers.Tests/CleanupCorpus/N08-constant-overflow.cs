// Issue 11: -f.MinInt.Value with -2147483648 became -(-2147483648) (CS0220); 10 / zero would be CS0020.
// Those reads stay; arithmetic that stays in range is inlined.
using System;

var f = Consumer.Flags.Create();
Console.WriteLine(-f.MinInt.Value);
Console.WriteLine("negated: " + -f.MinInt.Value);
Console.WriteLine(f.MinInt.Value);
try
{
    Console.WriteLine(10 / f.ZeroInt.Value);
}
catch (DivideByZeroException)
{
    Console.WriteLine("divided by zero");
}

Console.WriteLine(1 - f.SearchLimit.Value);
Console.WriteLine(-f.SearchLimit.Value * 3);
