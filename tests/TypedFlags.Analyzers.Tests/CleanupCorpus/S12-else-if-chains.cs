// From RemoveStaleFlagCodeFixTests.Simplifications: else if chains.
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        if (keep) A();
        else if (flags.OnFlag.IsEnabled) B();
        else A();

        if (keep) A();
        else if (flags.OffFlag.IsEnabled) B();
        else if (Check()) A();

        return 0;
    }
}
