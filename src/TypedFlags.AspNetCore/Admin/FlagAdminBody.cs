namespace TypedFlags.AspNetCore;

/// <summary>
/// The body of a flag admin write (for OpenAPI; the endpoints read it with <c>System.Text.Json</c>'s reader). Each
/// endpoint uses the fields its summary names; <see cref="Reason"/> is always required.
/// </summary>
public sealed class FlagAdminBody
{
    /// <summary>Why the change is made; recorded in the history. Required.</summary>
    public string? Reason { get; set; }

    /// <summary>A value in the flag's grammar (value and target endpoints).</summary>
    public string? Value { get; set; }

    /// <summary>A target's state: <c>kill</c>, <c>active</c> (target endpoint).</summary>
    public string? State { get; set; }

    /// <summary>A percentage such as <c>25%</c> (rollout endpoint).</summary>
    public string? Rollout { get; set; }

    /// <summary>When a target's value stops applying: a date or an ISO 8601 date-time (target endpoint).</summary>
    public string? Expires { get; set; }

    /// <summary>The whole override in the object form of configuration (replace endpoint).</summary>
    public object? Override { get; set; }
}
