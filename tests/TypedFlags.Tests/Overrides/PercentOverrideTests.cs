using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using TypedFlags.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.Tests.Overrides;

/// <summary>
/// A rollout percentage takes digits and a '.' decimal point only: a comma (a decimal comma, or a group separator to
/// a permissive parser) would turn 0,5% into 5%, so it is rejected with a warning like any other bad value.
/// </summary>
public sealed class PercentOverrideTests
{
    private static readonly FlagManifest Manifest = Declare.Manifest(Declare.Bool("b.flag"));

    [Theory]
    [InlineData("0,5%")]
    [InlineData("2,5%")]
    [InlineData("5+%")]
    [InlineData("+5%")]
    [InlineData("-0%")]
    [InlineData("1e1%")]
    [InlineData("1 000%")]
    [InlineData(".5%")]
    [InlineData("5.%")]
    [InlineData("5%%")]
    public void A_variable_with_a_percentage_that_is_not_plain_decimal_is_rejected(string raw)
    {
        var variables = new Dictionary<string, string?> { ["FLAGS_B_FLAG"] = raw };
        var configuration = new ConfigurationBuilder()
            .Add(new ProviderSource(new FlagEnvironmentVariablesProvider(Manifest, name => variables.TryGetValue(name, out var v) ? v : null)))
            .Build();
        var logger = new ListLogger();

        // A key inside any rollout above zero: on main, "0,5%" was a 5% rollout that included it.
        var evaluation = new FlagEngine(Manifest, configuration, new FlagOptions { Logger = logger }).BoolAccessor("b.flag").Evaluate(BucketKeys.Inside("b.flag", 0.001));

        Assert.Equal(FlagReason.Default, evaluation.Reason);
        Assert.Contains($"Override 'env:FLAGS_B_FLAG' has value '{raw}'", Assert.Single(logger.Entries).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0,5")]
    [InlineData("2,5%")]
    [InlineData("5+")]
    public void A_Rollout_field_that_is_not_plain_decimal_is_rejected(string raw)
    {
        var logger = new ListLogger();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Flags:b.flag:Rollout"] = raw }).Build();

        var engine = new FlagEngine(Manifest, configuration, new FlagOptions { Logger = logger });

        Assert.Equal(FlagReason.Default, engine.BoolAccessor("b.flag").Evaluate(BucketKeys.Inside("b.flag", 0.001)).Reason);
        Assert.Contains("accepted: a percentage from 0 to 100 with at most three decimals and '.' as the decimal point", Assert.Single(logger.Entries).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.5%", 0.5)]
    [InlineData(" 25 %", 25)]
    [InlineData("99.999%", 99.999)]
    [InlineData("0.125%", 0.125)]
    [InlineData("007%", 7)]
    public void A_plain_decimal_percentage_is_a_rollout(string raw, double percent)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Flags:b.flag"] = raw }).Build();

        var flag = new FlagEngine(Manifest, configuration).BoolAccessor("b.flag");

        Assert.Equal(FlagReason.Split, flag.Evaluate(BucketKeys.Inside("b.flag", percent)).Reason);
        Assert.False(flag.IsEnabledFor(BucketKeys.Outside("b.flag", percent)));
    }
}
