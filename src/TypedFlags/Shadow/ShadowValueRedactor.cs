namespace TypedFlags;

/// <summary>
/// Turns a path's result into the text a mismatch log entry shows, so logs do not carry personal or secret data
/// (set it on <see cref="ShadowOptions.Redact"/>). Return a summary, a hash, or <c>"[redacted]"</c>.
/// </summary>
/// <param name="flagKey">The flag whose run mismatched.</param>
/// <param name="value">The control's or the candidate's result.</param>
/// <returns>The text to log in place of the value.</returns>
public delegate string? ShadowValueRedactor(string flagKey, object? value);
