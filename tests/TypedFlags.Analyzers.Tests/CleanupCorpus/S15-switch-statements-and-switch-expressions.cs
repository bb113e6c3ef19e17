// From RemoveStaleFlagCodeFixTests.Simplifications: switch statements and switch expressions.
using System;
using System.Threading.Tasks;

await CheckoutBase.RunWithKeepTrueThenFalse(keep => new Checkout(keep));

public sealed class Checkout(bool keepAtStart) : CheckoutBase(keepAtStart)
{
    public override async Task<int> Run(string name)
    {
        await Task.Yield();
        switch (flags.OnFlag.IsEnabled)
        {
            case true:
                A();
                break;
            default:
                B();
                break;
        }

        switch (flags.OffFlag.IsEnabled)
        {
            case true: A(); break;
            case false: B(); A(); break;
        }

        switch (flags.OffFlag.IsEnabled)
        {
            case true:
                A();
                break;
        }
        switch (flags.OnFlag.IsEnabled)
        {
            case true when keep:
                A();
                break;
        }

        var price = flags.OnFlag.IsEnabled switch { true => New(), false => Old() };
        var total = 1 + flags.OffFlag.IsEnabled switch { true => 2 + New(), _ => 3 + Old() };
        return price + total;
    }
}
