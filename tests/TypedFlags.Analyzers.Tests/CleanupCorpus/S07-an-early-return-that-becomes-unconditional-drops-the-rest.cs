// From RemoveStaleFlagCodeFixTests.Simplifications: an early return that becomes unconditional drops the rest.
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        if (!flags.OffFlag.IsEnabled)
        {
            A();
            return Old();
        }

        B();
        return New();
    }
}
