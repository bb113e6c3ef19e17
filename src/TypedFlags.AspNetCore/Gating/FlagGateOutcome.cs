namespace TypedFlags.AspNetCore;

/// <summary>What a gate decided for one request.</summary>
internal enum FlagGateOutcome
{
    /// <summary>The flag has the required value: the request goes on.</summary>
    Pass,

    /// <summary>The bool flag is in shadow mode: the request goes on, marked so the handler can run dry.</summary>
    Shadow,

    /// <summary>The flag does not have the required value: 404 or 403, as configured.</summary>
    Disabled,
}
