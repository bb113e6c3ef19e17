// From RemoveStaleFlagCodeFixTests.Simplifications: is patterns and while (the second loop ends here).
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        var a = flags.OnFlag.IsEnabled is true ? New() : Old();
        var b = flags.OffFlag.IsEnabled is not false ? New() : Old();
        var c = flags.OnFlag.IsEnabled is true or false;
        while (!flags.OnFlag.IsEnabled && Check())
        {
            A();
        }

        while (flags.OnFlag.IsEnabled && Check())
        {
            B();
            keep = false;
        }

        return a + b + (c ? 1 : 0);
    }
}
