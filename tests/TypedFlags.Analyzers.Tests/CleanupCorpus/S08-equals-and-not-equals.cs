// From RemoveStaleFlagCodeFixTests.Simplifications: == and !=.
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        if (flags.OnFlag.IsEnabled == false) A(); else B();
        if (flags.OffFlag.IsEnabled != true) A();
        return 0;
    }
}
