using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace TypedFlags.AspNetCore;

/// <summary>
/// Writes the admin API's documents with a <see cref="Utf8JsonWriter"/> (no reflection-based serialization: the
/// package stays trimming- and AOT-safe). Overrides are written as their canonical JSON object.
/// </summary>
internal static class FlagAdminJson
{
    public static IResult Document(Action<Utf8JsonWriter> write, string? etag = null) => new JsonDocumentResult(write, etag);

    public static void WriteFlag(Utf8JsonWriter json, FlagEngine engine, FlagDefinition flag, FlagStoreEntry? entry, FlagContext context, DateTime today)
    {
        json.WriteStartObject();
        json.WriteString("key", flag.Key);
        json.WriteString("type", flag.Type.ToString().ToLowerInvariant());
        json.WriteString("description", flag.Description);
        json.WriteString("owner", flag.Owner);
        json.WriteString("kind", KindName(flag.Kind));
        json.WriteString("phase", flag.Phase);
        WriteDate(json, "created", flag.Created);
        WriteDate(json, "expires", flag.Expires);
        WriteDate(json, "launched", flag.Launched);
        json.WriteString("status", FlagAdminStatus.Of(engine.Manifest, flag, today));
        if (flag.Variants.Count > 0)
        {
            json.WriteStartArray("variants");
            foreach (var variant in flag.Variants)
            {
                json.WriteStringValue(variant);
            }

            json.WriteEndArray();
        }

        json.WriteNumber("revision", entry?.Revision ?? 0);
        WriteOverride(json, "override", entry?.Override);
        if (entry is not null)
        {
            json.WriteString("updated", entry.Updated);
            json.WriteString("updatedBy", entry.Actor);
        }

        var evaluation = engine.Evaluate(flag.Key, context);
        json.WriteStartObject("effective");
        FlagStatusWriter.WriteValue(json, flag, evaluation);
        json.WriteString("mode", evaluation.Mode.ToString().ToLower(CultureInfo.InvariantCulture));
        json.WriteString("reason", evaluation.Reason.ToString());
        json.WriteString("source", evaluation.Source);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void WriteEntry(Utf8JsonWriter json, FlagAuditEntry entry)
    {
        json.WriteStartObject();
        json.WriteNumber("revision", entry.Revision);
        json.WriteString("timestamp", entry.Timestamp);
        json.WriteString("actor", entry.Actor);
        json.WriteString("reason", entry.Reason);
        json.WriteString("key", entry.Key);
        WriteOverride(json, "before", entry.Before);
        WriteOverride(json, "after", entry.After);
        json.WriteEndObject();
    }

    public static string ETag(long revision) => "\"" + revision.ToString(CultureInfo.InvariantCulture) + "\"";

    private static void WriteOverride(Utf8JsonWriter json, string name, FlagOverride? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WritePropertyName(name);
        json.WriteRawValue(value.ToJson(), skipInputValidation: true);
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateTime? date)
    {
        if (date is { } day)
        {
            json.WriteString(name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>The kind as flags.yaml spells it: <c>kill-switch</c>.</summary>
    private static string KindName(FlagKind kind)
    {
        var name = kind.ToString();
        var text = new StringBuilder(name.Length + 2);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private sealed class JsonDocumentResult(Action<Utf8JsonWriter> write, string? etag) : IResult
    {
        public async System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = "application/json; charset=utf-8";

            // Shared state that changes with every write: never cached, revalidated by ETag.
            response.Headers.CacheControl = "no-store";
            if (etag is not null)
            {
                response.Headers.ETag = etag;
            }

            await using var json = new Utf8JsonWriter(response.Body);
            write(json);
            await json.FlushAsync(httpContext.RequestAborted);
        }
    }
}
