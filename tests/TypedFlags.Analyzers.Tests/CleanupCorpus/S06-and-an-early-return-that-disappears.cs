// From RemoveStaleFlagCodeFixTests.Simplifications: ! and an early return that disappears.
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        if (!flags.OnFlag.IsEnabled)
        {
            return Old();
        }

        return New();
    }
}
