// From RemoveStaleFlagCodeFixTests.Simplifications: if/else, flag false, comment kept.
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        // choose the search
        if (flags.OffFlag.IsEnabled)
        {
            A();
        }
        else
        {
            B();
            B();
        }

        return 0;
    }
}
