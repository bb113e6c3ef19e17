// From RemoveStaleFlagCodeFixTests.Simplifications: if without else, flag false.
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        if (flags.OffFlag.IsEnabled)
            A();
        B();
        return 0;
    }
}
