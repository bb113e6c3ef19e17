// Compiled with every corpus case and never rewritten: an IFeatureManager that answers from the generated flags, so
// a case can read a flag by key (await features.IsEnabledAsync("on.flag")) and get the value the typed read gets.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;

public sealed class CorpusFeatures : Microsoft.FeatureManagement.IFeatureManager
{
    private readonly Consumer.Flags flags = Consumer.Flags.Create();

    public IAsyncEnumerable<string> GetFeatureNamesAsync() => Names();

    public Task<bool> IsEnabledAsync(string feature) => Task.FromResult(feature switch
    {
        "on.flag" => flags.OnFlag.IsEnabled,
        "off.flag" => flags.OffFlag.IsEnabled,
        "old.on" => flags.OldOn.IsEnabled,
        "keep.flag" => flags.KeepFlag.IsEnabled,
        _ => throw new ArgumentException("Not a corpus flag: " + feature, nameof(feature)),
    });

    public Task<bool> IsEnabledAsync<TContext>(string feature, TContext context) => IsEnabledAsync(feature);

    private static async IAsyncEnumerable<string> Names()
    {
        await Task.Yield();
        yield return "on.flag";
        yield return "off.flag";
        yield return "old.on";
        yield return "keep.flag";
    }
}
