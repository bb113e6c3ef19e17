// From RemoveStaleFlagCodeFixTests.Simplifications: nested and combined conditions.
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        if (keep && (flags.OnFlag.IsEnabled || flags.OffFlag.IsEnabled))
        {
            if (!flags.OffFlag.IsEnabled)
            {
                A();
            }
        }

        return 0;
    }
}
