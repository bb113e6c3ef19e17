using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TypedFlags.AspNetCore;

/// <summary>
/// Writes the status document with a <see cref="Utf8JsonWriter"/>: no reflection-based serialization, so the package
/// stays trimming- and AOT-safe.
/// </summary>
/// <example>
/// <code>
/// { "context": { "targetingKey": "alice", "tenant": "acme", "groups": [ "admin" ] },
///   "flags": { "invoices.write": { "type": "bool", "value": true, "mode": "on", "reason": "TargetingMatch", "source": "flags.yaml" } } }
/// </code>
/// </example>
internal static class FlagStatusWriter
{
    public static async Task WriteAsync(HttpContext httpContext)
    {
        var context = HttpFlagContext.Get(httpContext);
        var response = httpContext.Response;
        response.ContentType = "application/json; charset=utf-8";

        // Per caller and changing with every reload: never cached.
        response.Headers.CacheControl = "no-store";

        await using (var json = new Utf8JsonWriter(response.Body, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteContext(json, context);
            json.WriteStartObject("flags");
            foreach (var (engine, definition) in RegisteredFlags.Of(httpContext.RequestServices))
            {
                WriteFlag(json, definition, engine.Evaluate(definition.Key, context));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }
    }

    /// <summary>Writes <c>"context"</c>: the caller the values are for (the admin API writes its context the same way).</summary>
    internal static void WriteContext(Utf8JsonWriter json, FlagContext context)
    {
        json.WriteStartObject("context");
        json.WriteString("targetingKey", context.TargetingKey);
        json.WriteString("tenant", context.Tenant);
        json.WriteStartArray("groups");
        foreach (var group in context.Groups ?? (IReadOnlyList<string>)System.Array.Empty<string>())
        {
            json.WriteStringValue(group);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes <c>"value"</c> as JSON of the flag's type (the admin API writes effective values the same way).</summary>
    internal static void WriteValue(Utf8JsonWriter json, FlagDefinition definition, FlagEvaluation<FlagValue> evaluation, string name = "value")
    {
        var value = evaluation.Value;
        switch (definition.Type)
        {
            case FlagValueKind.Bool:
                json.WriteBoolean(name, evaluation.Mode == FlagMode.On);
                break;
            case FlagValueKind.Int:
                json.WriteNumber(name, value.Int32);
                break;
            case FlagValueKind.Double:
                json.WriteNumber(name, value.Double);
                break;
            case FlagValueKind.String:
                json.WriteString(name, value.String);
                break;
            default:
                json.WriteString(name, definition.Variants[value.Int32]);
                break;
        }
    }

    private static void WriteFlag(Utf8JsonWriter json, FlagDefinition definition, FlagEvaluation<FlagValue> evaluation)
    {
        json.WriteStartObject(definition.Key);
        json.WriteString("type", definition.Type.ToString().ToLowerInvariant());
        WriteValue(json, definition, evaluation);
        json.WriteString("mode", evaluation.Mode.ToString().ToLower(CultureInfo.InvariantCulture));
        json.WriteString("reason", evaluation.Reason.ToString());
        json.WriteString("source", evaluation.Source);
        json.WriteEndObject();
    }
}
