using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace TypedFlags;

/// <summary>
/// Logs override problems as warnings, each distinct one once per engine: configuration reloads re-read every
/// value, and a bad value that stays in appsettings.json must not repeat its warning on every reload.
/// </summary>
internal sealed class OverrideWarnings
{
    /// <summary>A value that the flag's grammar rejects; the flag keeps its last good override.</summary>
    public static readonly EventId InvalidOverride = new(1, "InvalidFlagOverride");

    /// <summary>An override of a key that flags.yaml does not declare.</summary>
    public static readonly EventId UnknownFlag = new(2, "UnknownFlagOverride");

    /// <summary>An object field that does not exist or does not apply to the flag's type.</summary>
    public static readonly EventId UnsupportedField = new(3, "UnsupportedFlagOverrideField");

    private readonly ILogger? _logger;
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    public OverrideWarnings(ILogger? logger) => _logger = logger;

    /// <summary>A configuration provider that lost its keys without reloading (a failed load); its last good flag overrides stay.</summary>
    public static readonly EventId ProviderFailedEvent = new(4, "FlagOverrideProviderFailed");

    /// <summary>
    /// Logs a warning for a value that is not valid, naming where it came from and what is accepted.
    /// <paramref name="shown"/> is the value quoted (<c>'maybe'</c>) or what was found instead (<c>an array</c>).
    /// </summary>
    public void Invalid(string origin, string shown, FlagDefinition definition, string accepted) =>
        Warn(InvalidOverride, origin + "\n" + shown, $"Override '{origin}' has {Shown(shown)}, which is not valid for {Describe(definition)}; accepted: {accepted}. The flag keeps its last good value.");

    /// <summary>Logs a warning for a key of an override that is ignored (a field that does not exist or apply).</summary>
    public void Ignored(string path, string shown, FlagDefinition definition, string accepted) =>
        Warn(UnsupportedField, path, $"Configuration '{path}' is ignored: {shown} is not valid for {Describe(definition)}; accepted: {accepted}.");

    /// <summary>Logs a warning for a flags section that is a value, which no flag reads.</summary>
    public void Section(string origin, string shown, string accepted) =>
        Warn(UnsupportedField, origin + "\n" + shown, $"Configuration '{origin}' is ignored: it has {Shown(shown)}; accepted: {accepted}.");

    /// <summary>Logs a warning for a provider whose load failed; the caller logs it once per failure.</summary>
    public void ProviderFailed(string provider, int keys)
    {
        _logger?.Log(
            LogLevel.Warning,
            ProviderFailedEvent,
            $"Configuration provider '{provider}' lost all its values without a reload, which is how a failed load shows (a file saved with a syntax error). Its {keys} flag override key(s) keep their last good values until it loads again.",
            null,
            static (text, _) => text);
    }

    /// <summary>Logs a warning for an override of an undeclared flag, suggesting the closest declared key.</summary>
    public void Unknown(string path, string key, string? raw, IEnumerable<string> declared)
    {
        var suggestion = TypedFlags.Manifest.Naming.Suggestions.DidYouMean(key, declared);
        Warn(UnknownFlag, path + "\n" + raw, $"Configuration '{path}' overrides flag '{key}', which flags.yaml does not declare, so it is ignored{(suggestion.Length == 0 ? "." : suggestion)}");
    }

    private static string Shown(string shown) => shown.StartsWith("'", StringComparison.Ordinal) ? "value " + shown : shown;

    private static string Describe(FlagDefinition definition) =>
        definition.Type.ToString().ToLowerInvariant() + " flag '" + definition.Key + "'";

    private void Warn(EventId eventId, string once, string message)
    {
        if (_logger is null)
        {
            return;
        }

        lock (_warned)
        {
            if (!_warned.Add(eventId.Id + "\n" + once))
            {
                return;
            }
        }

        _logger.Log(LogLevel.Warning, eventId, message, null, static (text, _) => text);
    }
}
