// From RemoveStaleFlagCodeFixTests.Simplifications: switch statements and switch expressions.
using System;
using System.Threading.Tasks;

foreach (var keep in new[] { true, false })
{
    var checkout = new Checkout(Consumer.Flags.Create(), new CorpusFeatures(), keep);
    Console.WriteLine("keep " + keep + ": " + await checkout.Run("name"));
}

public sealed class Checkout
{
    private readonly Consumer.Flags flags;
    private readonly Microsoft.FeatureManagement.IFeatureManager features;
    private bool keep;

    public Checkout(Consumer.Flags flags, Microsoft.FeatureManagement.IFeatureManager features, bool keep)
    {
        this.flags = flags;
        this.features = features;
        this.keep = keep;
    }

    private void A() => Console.WriteLine("A");
    private void B() => Console.WriteLine("B");
    private int New() { Console.WriteLine("New"); return 1; }
    private int Old() { Console.WriteLine("Old"); return 2; }
    private bool Check() { Console.WriteLine("Check"); return keep; }
    private void Use(string text) => Console.WriteLine("Use " + text);

    public async Task<int> Run(string name)
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
