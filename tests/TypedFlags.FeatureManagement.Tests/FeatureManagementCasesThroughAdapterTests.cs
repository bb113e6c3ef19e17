using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using Xunit;

namespace TypedFlags.FeatureManagement.Tests;

/// <summary>
/// Microsoft.FeatureManagement's own test cases (its tests' <c>Targeting</c>, <c>TargetingExclusion</c> and the
/// percentile part of <c>UsesVariants</c>, on the features of its appsettings.json, imported into this project's
/// flags.yaml) asked through the adapter's <c>IsEnabledAsync</c> and <c>GetVariantAsync</c>: each gives the answer its
/// tests assert.
/// </summary>
public sealed class FeatureManagementCasesThroughAdapterTests
{
    public static TheoryData<string, string, string, bool> TargetingCases() => new()
    {
        { "TargetingTestFeature", "Jeff", "", true },
        { "TargetingTestFeature", "Anne", "", true },
        { "TargetingTestFeature", "Patty", "", false },
        { "TargetingTestFeature", "Patty", "Ring1", true },
        { "TargetingTestFeature", "Isaac", "Ring1", false },
        { "TargetingTestFeatureWithExclusion", "Alicia", "", true },
        { "TargetingTestFeatureWithExclusion", "Anne", "", true },
        { "TargetingTestFeatureWithExclusion", "Patty", "", false },
        { "TargetingTestFeatureWithExclusion", "Patty", "Ring1", true },
        { "TargetingTestFeatureWithExclusion", "Isaac", "Ring1", false },
        { "TargetingTestFeatureWithExclusion", "Jeff", "", false },
        { "TargetingTestFeatureWithExclusion", "Patty", "Ring0", false },
        { "TargetingTestFeatureWithExclusion", "Patty", "Ring0,Ring1", false },
        { "TargetingTestFeatureWithExclusion", "Alicia", "Ring2", false },
    };

    [Theory]
    [MemberData(nameof(TargetingCases))]
    public async Task Targeting_and_exclusion_cases(string feature, string user, string groups, bool asserted)
    {
        await using var app = await MigratedApp.StartAsync();
        var features = app.Services.GetRequiredService<IFeatureManager>();
        var context = new TargetingContext { UserId = user, Groups = groups.Split(',', System.StringSplitOptions.RemoveEmptyEntries).ToList() };

        Assert.Equal(asserted, await features.IsEnabledAsync(feature, context));
    }

    [Theory]
    [InlineData("VariantFeaturePercentileOn", "Big")]
    [InlineData("VariantFeaturePercentileOff", null)]
    public async Task Percentile_variant_cases(string feature, string? asserted)
    {
        await using var app = await MigratedApp.StartAsync();
        var variants = app.Services.GetRequiredService<IVariantFeatureManager>();
        var context = new TargetingContext { UserId = "Marsha", Groups = new List<string> { "Group1" } };

        Assert.Equal(asserted, (await variants.GetVariantAsync(feature, context))?.Name);
    }
}
