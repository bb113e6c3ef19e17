// The only await of an async method: without it the method warns (CS1998). The read stays; one beside another await goes.
using System;
using System.Threading.Tasks;

var features = new CorpusFeatures();
Console.WriteLine(await Only(features));
Console.WriteLine(await NotOnly(features));

static async Task<string> Only(Microsoft.FeatureManagement.IFeatureManager features)
{
    if (await features.IsEnabledAsync("on.flag"))
    {
        return "on";
    }

    return "off";
}

static async Task<string> NotOnly(Microsoft.FeatureManagement.IFeatureManager features)
{
    await Task.Yield();
    return await features.IsEnabledAsync("off.flag") ? "on" : "off";
}
