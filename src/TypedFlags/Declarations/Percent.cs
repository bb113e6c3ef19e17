using System;

namespace TypedFlags;

/// <summary>
/// Percentages as flags.yaml writes them (0 to 100, up to three decimals) and as the engine compares them:
/// whole thousandths of a percent, so 0.1% is 100 and 100% is 100,000. Integers make bucket comparisons
/// exact and identical on every platform.
/// </summary>
internal static class Percent
{
    /// <summary>100% in thousandths.</summary>
    public const int All = 100_000;

    /// <summary>Converts a percentage to thousandths, rounding away any precision beyond three decimals.</summary>
    public static int ToThousandths(double percent) => (int)Math.Round(percent * 1000d);

    /// <summary>Throws unless <paramref name="percent"/> is a number from 0 to 100.</summary>
    public static void Validate(double percent, string parameterName)
    {
        // NaN fails both comparisons, so it is rejected here too.
        if (!(percent >= 0d && percent <= 100d))
        {
            throw new ArgumentOutOfRangeException(parameterName, percent, "A percentage must be a number from 0 to 100.");
        }
    }

    /// <summary>Parses a percentage written in configuration (invariant culture, 0 to 100, at most three decimals) into thousandths.</summary>
    public static bool TryParse(string text, out int thousandths) => Manifest.Overrides.OverrideGrammar.TryParsePercent(text, out thousandths);
}
