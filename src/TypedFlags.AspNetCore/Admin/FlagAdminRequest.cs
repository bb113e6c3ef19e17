using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TypedFlags.AspNetCore;

/// <summary>What an admin write request carries: its JSON body fields, the caller as actor, and the If-Match revision.</summary>
internal sealed class FlagAdminRequest
{
    private readonly Dictionary<string, JsonElement> _fields;

    private FlagAdminRequest(Dictionary<string, JsonElement> fields, string actor, long? ifMatch)
    {
        _fields = fields;
        Actor = actor;
        IfMatch = ifMatch;
    }

    /// <summary>The signed-in user: the identity's name, else its name identifier claim.</summary>
    public string Actor { get; }

    /// <summary>The revision of <c>If-Match</c>, or null without one (or with <c>*</c>).</summary>
    public long? IfMatch { get; }

    /// <summary>The required reason; blank when missing (the store's validation refuses it, naming <c>Reason</c>).</summary>
    public string Reason => Text("reason") ?? string.Empty;

    /// <summary>
    /// Reads the request. Null with a problem (400) when the body is not a JSON object or If-Match is not a revision.
    /// </summary>
    public static async Task<(FlagAdminRequest? Request, IResult? Problem)> ReadAsync(HttpContext httpContext)
    {
        long? ifMatch = null;
        var header = httpContext.Request.Headers.IfMatch.ToString();
        if (header.Length > 0 && header.Trim() != "*")
        {
            if (!EntityTagHeaderValue.TryParse(header, out var tag) || !long.TryParse(tag.Tag.AsSpan().Trim('"'), out var revision))
            {
                return (null, FlagAdminProblems.Invalid("If-Match", $"If-Match '{header}' is not a flag revision: send the ETag a read returned, like \"12\"."));
            }

            ifMatch = revision;
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (httpContext.Request.ContentLength is not 0 && httpContext.Request.HasJsonContentType())
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(httpContext.Request.Body, cancellationToken: httpContext.RequestAborted).ConfigureAwait(false);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return (null, FlagAdminProblems.Invalid("body", "The body must be a JSON object such as { \"reason\": \"...\" }."));
                }

                foreach (var property in document.RootElement.EnumerateObject())
                {
                    fields[property.Name] = property.Value.Clone();
                }
            }
            catch (JsonException error)
            {
                return (null, FlagAdminProblems.Invalid("body", "The body is not JSON: " + error.Message));
            }
        }

        var user = httpContext.User;
        var actor = user.Identity?.Name ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? string.Empty;
        return (new FlagAdminRequest(fields, actor, ifMatch), null);
    }

    /// <summary>A string field, or null when absent or null. A number or bool is taken as its JSON text.</summary>
    public string? Text(string name)
    {
        if (!_fields.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }

    /// <summary>An object field as its raw JSON text, or null when absent.</summary>
    public string? Raw(string name) => _fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetRawText() : null;
}
