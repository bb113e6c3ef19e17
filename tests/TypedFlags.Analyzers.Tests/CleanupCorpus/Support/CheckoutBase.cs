// Compiled with every corpus case and never rewritten: what the Simplifications cases (S01-S16) need around the flag
// reads they test, so each case file holds only its own Run method. Every helper prints, so a branch that a cleanup
// drops or keeps by mistake changes the program's output.
using System;
using System.Threading.Tasks;

public abstract class CheckoutBase
{
    protected readonly Consumer.Flags flags = Consumer.Flags.Create();
    protected readonly Microsoft.FeatureManagement.IFeatureManager features = new CorpusFeatures();
    protected bool keep;

    protected CheckoutBase(bool keep) => this.keep = keep;

    /// <summary>Runs a case twice, with <c>keep</c> true then false, so both sides of the conditions around the flag run.</summary>
    public static async Task RunWithKeepTrueThenFalse(Func<bool, CheckoutBase> create)
    {
        foreach (var keep in new[] { true, false })
        {
            Console.WriteLine("keep " + keep + ": " + await create(keep).Run("name"));
        }
    }

    public abstract Task<int> Run(string name);

    protected void A() => Console.WriteLine("A");
    protected void B() => Console.WriteLine("B");
    protected int New() { Console.WriteLine("New"); return 1; }
    protected int Old() { Console.WriteLine("Old"); return 2; }
    protected bool Check() { Console.WriteLine("Check"); return keep; }
    protected void Use(string text) => Console.WriteLine("Use " + text);
}
