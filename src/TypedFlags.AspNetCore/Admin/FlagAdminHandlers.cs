using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TypedFlags.AspNetCore;

/// <summary>
/// The admin API's handlers. Reads come from the store's in-memory <see cref="FlagStore.Current"/>; writes go through
/// <see cref="FlagStoreChange"/> (the read-change-write the CLI uses) and the store's validation.
/// </summary>
internal static class FlagAdminHandlers
{
    public static async Task<IResult> ListAsync(HttpContext httpContext)
    {
        var store = httpContext.RequestServices.GetRequiredService<FlagStore>();
        await store.RefreshAsync(httpContext.RequestAborted).ConfigureAwait(false);
        var snapshot = store.Current;
        var context = ContextOf(httpContext);
        var today = Today(httpContext);
        return FlagAdminJson.Document(
            json =>
            {
                json.WriteStartObject();
                json.WriteNumber("revision", snapshot.Revision);
                json.WriteString("store", store.Name);
                FlagStatusWriter.WriteContext(json, context);
                json.WriteStartArray("flags");
                foreach (var (engine, flag) in RegisteredFlags.Of(httpContext.RequestServices))
                {
                    snapshot.Entries.TryGetValue(flag.Key, out var entry);
                    FlagAdminJson.WriteFlag(json, engine, flag, entry, context, today);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            },
            FlagAdminJson.ETag(snapshot.Revision));
    }

    public static async Task<IResult> GetAsync(HttpContext httpContext, string key)
    {
        var store = httpContext.RequestServices.GetRequiredService<FlagStore>();
        await store.RefreshAsync(httpContext.RequestAborted).ConfigureAwait(false);
        if (Find(httpContext, key) is not { } found)
        {
            return NotDeclared(httpContext, key);
        }

        store.Current.Entries.TryGetValue(key, out var entry);
        var context = ContextOf(httpContext);
        var today = Today(httpContext);
        return FlagAdminJson.Document(
            json =>
            {
                json.WriteStartObject();
                json.WriteString("store", store.Name);
                FlagStatusWriter.WriteContext(json, context);
                json.WritePropertyName("flag");
                FlagAdminJson.WriteFlag(json, found.Engine, found.Flag, entry, context, today);
                json.WriteEndObject();
            },
            FlagAdminJson.ETag(entry?.Revision ?? 0));
    }

    /// <summary>
    /// Today for the lifecycle badges, from the app's <see cref="TimeProvider"/> when it registers one (as ASP.NET Core
    /// apps and tests with a fake clock do), else the system clock.
    /// </summary>
    private static DateTime Today(HttpContext httpContext) =>
        (httpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime;

    public static Task<IResult> ReplaceAsync(HttpContext httpContext, string key) => WriteAsync(httpContext, key, request =>
    {
        if (request.Raw("override") is not { } text)
        {
            return (null, FlagAdminProblems.Invalid("override", "Send the whole override as \"override\": { \"Value\": \"on\" } (Value, State, Rollout, Allow, Deny, Targets, Expires); to remove it, use DELETE."));
        }

        FlagOverride value;
        try
        {
            value = FlagOverride.FromJson(text);
        }
        catch (FormatException error)
        {
            return (null, FlagAdminProblems.Invalid("override", error.Message));
        }

        return (_ => value, null);
    });

    public static Task<IResult> RemoveAsync(HttpContext httpContext, string key) =>
        WriteAsync(httpContext, key, _ => (_ => null, null));

    public static Task<IResult> SetValueAsync(HttpContext httpContext, string key) => WriteAsync(httpContext, key, request =>
        request.Text("value") is { } value
            ? (current => FlagOverrideChanges.WithValue(current, value), null)
            : (null, FlagAdminProblems.Invalid("value", "Send the new value as \"value\": on, off, shadow, kill or 25% for bool flags, a number, a text, a variant.")));

    public static Task<IResult> SetRolloutAsync(HttpContext httpContext, string key) => WriteAsync(httpContext, key, request =>
        request.Text("rollout") is { } rollout
            ? (current => FlagOverrideChanges.WithRollout(current, rollout), null)
            : (null, FlagAdminProblems.Invalid("rollout", "Send the rollout as \"rollout\": a percentage such as 25%.")));

    public static Task<IResult> KillAsync(HttpContext httpContext, string key) =>
        WriteAsync(httpContext, key, _ => (FlagOverrideChanges.Killed, null));

    public static Task<IResult> SetTargetAsync(HttpContext httpContext, string key, string target) => WriteAsync(httpContext, key, request =>
    {
        var value = request.Text("value");
        var state = request.Text("state");
        if (value is null && state is null)
        {
            return (null, FlagAdminProblems.Invalid("value", $"Send the value of target '{target}' as \"value\" (or a \"state\": kill, active)."));
        }

        var entry = new FlagTargetOverride(target, value, request.Text("expires")) { State = state };
        return (current => FlagOverrideChanges.WithTarget(current, entry), null);
    });

    public static Task<IResult> RemoveTargetAsync(HttpContext httpContext, string key, string target) =>
        WriteAsync(httpContext, key, _ => (current => FlagOverrideChanges.WithoutTarget(current, target), null));

    public static async Task<IResult> HistoryAsync(HttpContext httpContext)
    {
        var key = httpContext.Request.Query["key"].ToString();
        int? limit = null;
        if (httpContext.Request.Query["limit"].ToString() is { Length: > 0 } limitText)
        {
            if (!int.TryParse(limitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                return FlagAdminProblems.Invalid("limit", $"limit must be a positive number of entries, not '{limitText}'.");
            }

            limit = parsed;
        }

        var store = httpContext.RequestServices.GetRequiredService<FlagStore>();
        if (limit is <= 0)
        {
            return FlagAdminProblems.Invalid("limit", $"limit must be a positive number of entries, not {limit}.");
        }

        var entries = await store.GetHistoryAsync(new FlagHistoryQuery { Key = string.IsNullOrEmpty(key) ? null : key, Limit = limit }, httpContext.RequestAborted).ConfigureAwait(false);
        return FlagAdminJson.Document(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("entries");

            // Newest first: the page shows the latest change on top.
            for (var i = entries.Count - 1; i >= 0; i--)
            {
                FlagAdminJson.WriteEntry(json, entries[i]);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    public static async Task<IResult> RevisionAsync(HttpContext httpContext)
    {
        var store = httpContext.RequestServices.GetRequiredService<FlagStore>();
        await store.RefreshAsync(httpContext.RequestAborted).ConfigureAwait(false);
        var revision = store.Current.Revision;
        return FlagAdminJson.Document(
            json =>
            {
                json.WriteStartObject();
                json.WriteNumber("revision", revision);
                json.WriteEndObject();
            },
            FlagAdminJson.ETag(revision));
    }

    /// <summary>
    /// The shared write path: reads the request, builds the change (or a 400), checks If-Match (412), writes through
    /// <see cref="FlagStoreChange"/> and answers with the audit entry and the flag's new ETag.
    /// </summary>
    private static async Task<IResult> WriteAsync(
        HttpContext httpContext,
        string key,
        Func<FlagAdminRequest, (Func<FlagOverride?, FlagOverride?>? Change, IResult? Problem)> build)
    {
        var (request, invalid) = await FlagAdminRequest.ReadAsync(httpContext).ConfigureAwait(false);
        if (request is null)
        {
            return invalid!;
        }

        if (Find(httpContext, key) is not { } found)
        {
            return NotDeclared(httpContext, key);
        }

        var (change, problem) = build(request);
        if (change is null)
        {
            return problem!;
        }

        var store = httpContext.RequestServices.GetRequiredService<FlagStore>();

        // Another process may have written since this one last looked; the If-Match check compares with the database.
        await store.RefreshAsync(httpContext.RequestAborted).ConfigureAwait(false);
        var current = store.Current.RevisionOf(key);
        if (request.IfMatch is { } ifMatch && ifMatch != current)
        {
            return FlagAdminProblems.Stale(key, ifMatch, current);
        }

        var result = await FlagStoreChange.ApplyAsync(store, found.Engine.Manifest, key, change, request.Actor, request.Reason, current, httpContext.RequestAborted).ConfigureAwait(false);
        switch (result.Status)
        {
            case FlagStoreWriteStatus.Rejected:
                return FlagAdminProblems.Invalid(result.Field ?? "override", result.Message!);
            case FlagStoreWriteStatus.Conflict:
                return FlagAdminProblems.Conflict(result);
        }

        var entry = result.Entry!;
        return FlagAdminJson.Document(json => FlagAdminJson.WriteEntry(json, entry), FlagAdminJson.ETag(entry.Revision));
    }

    /// <summary>The flags class that declares <paramref name="key"/> (ordinal), or null.</summary>
    private static (FlagEngine Engine, FlagDefinition Flag)? Find(HttpContext httpContext, string key)
    {
        foreach (var set in httpContext.RequestServices.GetServices<IFlagSet>())
        {
            var manifest = set.Engine.Manifest;
            var index = manifest.IndexOf(key);
            if (index >= 0 && string.Equals(manifest.Flags[index].Key, key, StringComparison.Ordinal))
            {
                return (set.Engine, manifest.Flags[index]);
            }
        }

        return null;
    }

    /// <summary>404 in the store's TF2001 wording (with its "did you mean"), from the first flags class.</summary>
    private static IResult NotDeclared(HttpContext httpContext, string key)
    {
        foreach (var set in httpContext.RequestServices.GetServices<IFlagSet>())
        {
            var rejected = FlagStoreValidation.Validate(set.Engine.Manifest, FlagStoreWrite.Remove(key, "admin", "lookup"));
            return FlagAdminProblems.NotDeclared(rejected?.Message ?? $"Flag '{key}' is not declared.");
        }

        return FlagAdminProblems.NotDeclared($"Flag '{key}' is not declared: no flags class is registered (AddTypedFlags).");
    }

    /// <summary>The context the effective values are for: <c>?user=&amp;tenant=&amp;groups=a,b</c>, else the caller's own.</summary>
    private static FlagContext ContextOf(HttpContext httpContext)
    {
        var query = httpContext.Request.Query;
        if (!query.ContainsKey("user") && !query.ContainsKey("tenant") && !query.ContainsKey("groups"))
        {
            return HttpFlagContext.Get(httpContext);
        }

        string? Value(string name) => query[name].ToString() is { Length: > 0 } text ? text : null;
        var groups = Value("groups")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new FlagContext { TargetingKey = Value("user"), Tenant = Value("tenant"), Groups = groups };
    }
}
