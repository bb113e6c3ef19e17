using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using Xunit;

namespace TypedFlags.FeatureManagement.Tests;

/// <summary>
/// Microsoft.FeatureManagement's own variant test cases (its tests' <c>UsesVariants</c> and the null cases of
/// <c>VariantsInvalidScenarios</c>, on the variant features of its appsettings.json, in appsettings.mfm.json) asked three
/// ways: of Microsoft.FeatureManagement 4.7.0 itself over appsettings.mfm.json, of the adapter over the flags.yaml that
/// <c>typedflags import</c> writes from it, and of the typed accessor. All three give the answer its tests assert: the
/// variant, its configuration, and <c>IsEnabledAsync</c> (enabled, status_override, default_when_disabled).
/// </summary>
public sealed class FeatureManagementVariantCasesTests
{
    /// <summary>Feature, user, groups, the variant (null for none), its configuration (<c>=value</c> or <c>Key=value</c>, empty for none), IsEnabledAsync.</summary>
    public static TheoryData<string, string, string, string?, string, bool> Cases() => new()
    {
        // UsesVariants: Marsha in Group1.
        { "VariantFeaturePercentileOn", "Marsha", "Group1", "Big", "", false },           // status_override: Disabled
        { "VariantFeaturePercentileOff", "Marsha", "Group1", null, "", true },
        { "VariantFeatureDefaultDisabled", "Marsha", "Group1", "Small", "=300px", false }, // default_when_disabled
        { "VariantFeatureDefaultEnabled", "Marsha", "Group1", "Medium", "Size=450px", true },
        { "VariantFeatureUser", "Marsha", "Group1", "Small", "=300px", true },
        { "VariantFeatureGroup", "Marsha", "Group1", "Small", "=300px", true },

        // VariantsInvalidScenarios' null answers, for Jeff, and the user allocation that beats default_when_enabled.
        { "VariantFeatureNoAllocation", "Jeff", "", null, "", true },
        { "VariantFeatureDefaultEnabled", "Jeff", "", "Small", "=300px", true },
        { "VariantFeatureAlwaysOff", "Marsha", "Group1", null, "", false },
        { "VariantFeatureAlwaysOffNoAllocation", "Marsha", "", null, "", false },
        { "VariantFeatureIncorrectDefaultWhenEnabled", "Marsha", "", null, "", true },

        // Callers no allocation names.
        { "VariantFeatureUser", "Anne", "Group1", null, "", true },
        { "VariantFeatureGroup", "Anne", "Group2", null, "", true },
        { "VariantFeatureDefaultEnabled", "Anne", "", "Medium", "Color=Purple", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Microsoft_FeatureManagement_the_adapter_and_the_typed_accessor_give_the_asserted_answer(
        string feature, string user, string groups, string? variant, string configuration, bool enabled)
    {
        var context = new TargetingContext { UserId = user, Groups = groups.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList() };

        await using (var before = await MigratedApp.StartAsync(beforeMigration: true))
        {
            await AssertAnswer("Microsoft.FeatureManagement", before.Services.GetRequiredService<IVariantFeatureManager>(), feature, context, variant, configuration, enabled);
        }

        await using var after = await MigratedApp.StartAsync();
        await AssertAnswer("the adapter", after.Services.GetRequiredService<IVariantFeatureManager>(), feature, context, variant, configuration, enabled);

        // The typed accessor reads the same engine; "none" is what the import declares for no variant.
        var flags = after.Services.GetRequiredService<Flags>();
        var accessor = typeof(Flags).GetProperty(feature)!.GetValue(flags)!;
        var value = accessor.GetType().GetMethod("GetValue", new[] { typeof(FlagContext) })!
            .Invoke(accessor, new object[] { new FlagContext { TargetingKey = user, Groups = context.Groups.ToArray() } })!;
        Assert.Equal(variant ?? "none", value.ToString(), ignoreCase: true);
    }

    private static async Task AssertAnswer(string who, IVariantFeatureManager manager, string feature, TargetingContext context, string? variant, string configuration, bool enabled)
    {
        var answer = await manager.GetVariantAsync(feature, context);
        Assert.True(variant == answer?.Name, $"{who}: {feature} for {context.UserId} gave variant '{answer?.Name}', expected '{variant}'");
        if (configuration.Length > 0)
        {
            var separator = configuration.IndexOf('=');
            var actual = separator == 0 ? answer!.Configuration.Value : answer!.Configuration[configuration.Substring(0, separator)];
            Assert.True(configuration.Substring(separator + 1) == actual, $"{who}: {feature} configuration {configuration} gave '{actual}'");
        }

        // IsEnabledAsync with the same caller, as Microsoft.FeatureManagement's tests ask it.
        Assert.True(enabled == await manager.IsEnabledAsync(feature, context), $"{who}: {feature} IsEnabledAsync should be {enabled}");
    }
}
