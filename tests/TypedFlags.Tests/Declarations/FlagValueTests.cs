using System;
using Xunit;

namespace TypedFlags.Tests.Declarations;

public sealed class FlagValueTests
{
    [Fact]
    public void Each_factory_sets_its_kind_and_payload()
    {
        Assert.Equal(FlagValueKind.Bool, FlagValue.FromBool(true).Kind);
        Assert.Equal(FlagMode.On, FlagValue.FromBool(true).Mode);
        Assert.Equal(FlagMode.Off, FlagValue.FromBool(false).Mode);
        Assert.Equal(FlagMode.Shadow, FlagValue.FromMode(FlagMode.Shadow).Mode);
        Assert.Equal(42, FlagValue.FromInt(42).Int32);
        Assert.Equal(FlagValueKind.Int, FlagValue.FromInt(42).Kind);
        Assert.Equal(0.25, FlagValue.FromDouble(0.25).Double);
        Assert.Equal("x", FlagValue.FromString("x").String);
        Assert.Equal(2, FlagValue.FromVariant(2).Int32);
        Assert.Equal(FlagValueKind.Variant, FlagValue.FromVariant(2).Kind);
    }

    [Fact]
    public void Values_of_other_kinds_read_as_on_with_empty_payloads()
    {
        var value = FlagValue.FromString("x");

        Assert.Equal(FlagMode.On, value.Mode);
        Assert.Equal(0, value.Int32);
        Assert.Equal(0d, value.Double);
        Assert.Null(FlagValue.FromInt(1).String);
    }

    [Fact]
    public void The_default_value_is_bool_off()
    {
        Assert.Equal(FlagValue.FromBool(false), default);
    }

    [Fact]
    public void Equality_compares_kind_and_payload()
    {
        Assert.Equal(FlagValue.FromInt(1), FlagValue.FromInt(1));
        Assert.NotEqual(FlagValue.FromInt(1), FlagValue.FromVariant(1));
        Assert.True(FlagValue.FromString("a") == FlagValue.FromString("a"));
        Assert.True(FlagValue.FromString("a") != FlagValue.FromString("A"));
        Assert.Equal(FlagValue.FromDouble(double.NaN), FlagValue.FromDouble(double.NaN));
        Assert.Equal(FlagValue.FromInt(7).GetHashCode(), FlagValue.FromInt(7).GetHashCode());
    }

    [Fact]
    public void ToString_writes_the_value_as_flags_yaml_would()
    {
        Assert.Equal("true", FlagValue.FromBool(true).ToString());
        Assert.Equal("false", FlagValue.FromBool(false).ToString());
        Assert.Equal("shadow", FlagValue.FromMode(FlagMode.Shadow).ToString());
        Assert.Equal("-3", FlagValue.FromInt(-3).ToString());
        Assert.Equal("0.1", FlagValue.FromDouble(0.1).ToString());
        Assert.Equal("hi", FlagValue.FromString("hi").ToString());
        Assert.Equal("variant #1", FlagValue.FromVariant(1).ToString());
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FlagValue.FromMode((FlagMode)3));
        Assert.Throws<ArgumentOutOfRangeException>(() => FlagValue.FromVariant(-1));
        Assert.Throws<ArgumentNullException>(() => FlagValue.FromString(null!));
    }
}
