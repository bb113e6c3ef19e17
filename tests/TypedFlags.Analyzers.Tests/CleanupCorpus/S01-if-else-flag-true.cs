// From RemoveStaleFlagCodeFixTests.Simplifications: if/else, flag true.
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        if (flags.OnFlag.IsEnabled)
        {
            A();
        }
        else
        {
            B();
        }

        return 0;
    }
}
