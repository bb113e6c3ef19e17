// From RemoveStaleFlagCodeFixTests.Simplifications: conditional operator.
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        var price = flags.OnFlag.IsEnabled ? New() : Old();
        return flags.OffFlag.IsEnabled ? price : Old();
    }
}
