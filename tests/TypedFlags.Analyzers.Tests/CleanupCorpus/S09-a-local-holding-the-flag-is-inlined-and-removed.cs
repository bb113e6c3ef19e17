// From RemoveStaleFlagCodeFixTests.Simplifications: a local holding the flag is inlined and removed.
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        var enabled = flags.OnFlag.IsEnabled;
        if (enabled)
        {
            A();
        }

        return enabled ? 1 : 0;
    }
}
