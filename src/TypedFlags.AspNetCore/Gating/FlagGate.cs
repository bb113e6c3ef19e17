using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TypedFlags.AspNetCore;

/// <summary>
/// One gate, resolved once when its endpoint is built: the engine of the registered flags class that declares the key,
/// and the required value parsed for the flag's type. Checking a request is one evaluation for the caller's context.
/// </summary>
internal sealed class FlagGate
{
    private readonly FlagEngine _engine;
    private readonly FlagValue _required;

    private FlagGate(FlagEngine engine, string key, FlagValue required)
    {
        _engine = engine;
        Key = key;
        _required = required;
    }

    public string Key { get; }

    /// <summary>
    /// Finds the flags class that declares <paramref name="key"/> among the registered ones and checks <paramref name="value"/>
    /// against the flag's type. Everything wrong here is a programming error, reported when the endpoint is built.
    /// </summary>
    public static FlagGate Resolve(IServiceProvider services, string key, string? value, string api)
    {
        ArgumentNullException.ThrowIfNull(key);
        var sets = services.GetServices<IFlagSet>().ToList();
        var owners = sets.Where(s => s.Engine.Manifest.IndexOf(key) >= 0).ToList();
        if (owners.Count == 0)
        {
            var registered = sets.Count == 0
                ? "No flags class is registered: call services.AddTypedFlags<AppFlags>()."
                : "Registered: " + string.Join(", ", sets.Select(s => s.GetType().Name)) + ".";
            throw new InvalidOperationException($"{api} names flag '{key}', which no registered flags class declares. {registered}");
        }

        if (owners.Count > 1)
        {
            throw new InvalidOperationException($"{api} names flag '{key}', which {string.Join(" and ", owners.Select(s => s.GetType().Name))} all declare; rename one of them.");
        }

        var engine = owners[0].Engine;
        var definition = engine.Manifest.Flags[engine.Manifest.IndexOf(key)];
        return new FlagGate(engine, key, ParseRequired(definition, value, api));
    }

    /// <summary>Decides for the request's caller, and marks a shadow pass on the request.</summary>
    public FlagGateOutcome Check(HttpContext httpContext)
    {
        var evaluation = _engine.Evaluate(Key, HttpFlagContext.Get(httpContext));
        var outcome = Decide(evaluation);
        if (outcome == FlagGateOutcome.Shadow)
        {
            var shadow = httpContext.Features.Get<FlagShadowFeature>();
            if (shadow is null)
            {
                shadow = new FlagShadowFeature();
                httpContext.Features.Set(shadow);
            }

            shadow.Add(Key);
        }

        return outcome;
    }

    private FlagGateOutcome Decide(FlagEvaluation<FlagValue> evaluation)
    {
        if (_required.Kind != FlagValueKind.Bool)
        {
            return evaluation.Value == _required ? FlagGateOutcome.Pass : FlagGateOutcome.Disabled;
        }

        if (_required.Mode == FlagMode.On)
        {
            return evaluation.Mode switch
            {
                FlagMode.On => FlagGateOutcome.Pass,
                FlagMode.Shadow => FlagGateOutcome.Shadow,
                _ => FlagGateOutcome.Disabled,
            };
        }

        // Required off (a kill switch such as read-only mode closes the endpoint when on): shadow is off for users.
        return evaluation.Mode == FlagMode.On ? FlagGateOutcome.Disabled : FlagGateOutcome.Pass;
    }

    private static FlagValue ParseRequired(FlagDefinition definition, string? value, string api)
    {
        string Problem(string accepted) =>
            $"{api}: flag '{definition.Key}' is of type {definition.Type.ToString().ToLowerInvariant()}; " +
            (value is null ? "name the value the endpoint requires" : $"'{value}' is not a value of it") + $" ({accepted}).";

        switch (definition.Type)
        {
            case FlagValueKind.Bool:
                if (value is null || IsOneOf(value, "true", "on"))
                {
                    return FlagValue.FromMode(FlagMode.On);
                }

                if (IsOneOf(value, "false", "off"))
                {
                    return FlagValue.FromMode(FlagMode.Off);
                }

                throw new ArgumentException(Problem("on, off, true or false; none means on"), nameof(value));
            case FlagValueKind.Int when value is not null && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number):
                return FlagValue.FromInt(number);
            case FlagValueKind.Int:
                throw new ArgumentException(Problem("an integer"), nameof(value));
            case FlagValueKind.Double when value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real):
                return FlagValue.FromDouble(real);
            case FlagValueKind.Double:
                throw new ArgumentException(Problem("a number in the invariant culture"), nameof(value));
            case FlagValueKind.String when value is not null:
                return FlagValue.FromString(value);
            case FlagValueKind.String:
                throw new ArgumentException(Problem("any text"), nameof(value));
            default:
                var variants = definition.Variants;
                for (var i = 0; value is not null && i < variants.Count; i++)
                {
                    // Variant names compare ignoring case, as in overrides.
                    if (string.Equals(variants[i], value, StringComparison.OrdinalIgnoreCase))
                    {
                        return FlagValue.FromVariant(i);
                    }
                }

                throw new ArgumentException(Problem("one of " + string.Join(", ", variants)), nameof(value));
        }
    }

    private static bool IsOneOf(string value, string a, string b) =>
        string.Equals(value, a, StringComparison.OrdinalIgnoreCase) || string.Equals(value, b, StringComparison.OrdinalIgnoreCase);
}
