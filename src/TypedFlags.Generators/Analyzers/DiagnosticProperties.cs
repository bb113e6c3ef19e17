namespace TypedFlags.Analyzers;

/// <summary>
/// Names of the properties the analyzers attach to TF1001/TF1101/TF1102/TF1104 for the code fixes. This file is compiled
/// into both the analyzer and the code fix assembly, so the two cannot drift apart.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>The declared flag key (TF1101/TF1102/TF1104), or the closest declared key (TF1001).</summary>
    public const string Key = "TypedFlags.Key";

    /// <summary>The generated constant of <see cref="Key"/>, fully qualified (TF1001).</summary>
    public const string KeysConstant = "TypedFlags.KeysConstant";

    /// <summary><c>true</c>, <c>false</c>, or empty when flags.yaml does not decide the final value (TF1101/TF1102).</summary>
    public const string FinalValue = "TypedFlags.FinalValue";

    /// <summary>Non-bool flags: the final value as a C# expression; absent when flags.yaml does not decide it (TF1101/TF1102).</summary>
    public const string FinalExpression = "TypedFlags.FinalExpression";

    /// <summary>What the diagnostic points at (TF1101/TF1102): <see cref="Accessor"/>, <see cref="KeyConstant"/> or <see cref="KeyString"/>.</summary>
    public const string Use = "TypedFlags.Use";

    /// <summary>A generated accessor (<c>flags.NewCheckout</c>).</summary>
    public const string Accessor = "accessor";

    /// <summary>A generated <c>Keys</c> constant.</summary>
    public const string KeyConstant = "keys-constant";

    /// <summary>A string constant passed as a key.</summary>
    public const string KeyString = "key-string";
}
