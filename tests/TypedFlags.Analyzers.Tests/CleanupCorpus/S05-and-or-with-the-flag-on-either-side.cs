// From RemoveStaleFlagCodeFixTests.Simplifications: && and || with the flag on either side.
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        if (flags.OnFlag.IsEnabled && keep) A();
        if (Check() && flags.OffFlag.IsEnabled) A();
        if (keep && flags.OffFlag.IsEnabled) A();
        if (flags.OffFlag.IsEnabled || Check()) B();
        if (flags.OnFlag.IsEnabled || Check()) B();
        return 0;
    }
}
