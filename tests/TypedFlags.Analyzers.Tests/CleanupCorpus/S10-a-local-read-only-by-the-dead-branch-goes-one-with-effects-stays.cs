// From RemoveStaleFlagCodeFixTests.Simplifications: a local read only by the dead branch goes, one with effects stays.
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        var label = name;
        var total = New();
        if (flags.OffFlag.IsEnabled)
        {
            Use(label);
            return total;
        }

        return 0;
    }
}
