// From RemoveStaleFlagCodeFixTests.Simplifications: IsEnabledFor, IsShadowFor and await IsEnabledAsync.
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        if (flags.OnFlag.IsEnabledFor(name)) A();
        if (flags.OnFlag.IsShadowFor(name)) B();
        if (await features.IsEnabledAsync("off.flag")) B();
        if (await features.IsEnabledAsync(Consumer.Flags.Keys.OnFlag).ConfigureAwait(false)) A();
        return 0;
    }
}
