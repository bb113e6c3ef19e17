using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TypedFlags.AspNetCore.Tests.Infrastructure;
using TypedFlags.Store.Sqlite;
using Xunit;

namespace TypedFlags.AspNetCore.Tests;

/// <summary><c>MapFlagAdmin(pattern, policy)</c> on a real SQLite store: authorization, every endpoint, validation, conflicts, history.</summary>
public sealed class AdminApiTests
{
    private const string Flags = "/admin/flags/api/flags";

    /// <summary>Every endpoint of the API, with a valid body.</summary>
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", Flags },
        { "GET", Flags + "/invoices.write" },
        { "PUT", Flags + "/invoices.write" },
        { "DELETE", Flags + "/invoices.write" },
        { "POST", Flags + "/invoices.write/value" },
        { "POST", Flags + "/invoices.write/rollout" },
        { "POST", Flags + "/invoices.write/kill" },
        { "PUT", Flags + "/invoices.write/targets/bob" },
        { "DELETE", Flags + "/invoices.write/targets/bob" },
        { "GET", "/admin/flags/api/history" },
        { "GET", "/admin/flags/api/revision" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Anonymous_callers_get_401_and_callers_without_the_policy_403_and_nothing_is_written(string method, string path)
    {
        await using var admin = await AdminApp.StartAsync();
        var body = new { reason = "r", value = "on", rollout = "10%", @override = new { Value = "on" } };

        var anonymous = await admin.SendAsync(new HttpMethod(method), path, body, name: null, roles: null);
        var staff = await admin.SendAsync(new HttpMethod(method), path, body, name: "Bob", roles: "staff");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(0, admin.App.Services.GetRequiredService<FlagStore>().Current.Revision);
    }

    [Fact]
    public void The_policy_is_required_and_so_is_a_store()
    {
        var app = WebApplication.CreateBuilder().Build();

        var noPolicy = Assert.Throws<ArgumentException>(() => app.MapFlagAdmin("/admin", " "));
        var noStore = Assert.Throws<InvalidOperationException>(() => app.MapFlagAdmin("/admin", "Admins"));

        Assert.Contains("no anonymous default", noPolicy.Message);
        Assert.Contains("AddSqliteFlagStore", noStore.Message);
    }

    [Fact]
    public async Task The_list_has_each_declaration_status_override_and_the_effective_value_for_the_context_in_the_query()
    {
        await using var admin = await AdminApp.StartAsync();
        await admin.SendAsync(HttpMethod.Post, Flags + "/search.max_results/value", new { value = "75", reason = "bigger pages" });

        var response = await admin.SendAsync(HttpMethod.Get, Flags + "?user=alice&groups=x,y");
        var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("""{"targetingKey":"alice","tenant":null,"groups":["x","y"]}""", list.GetProperty("context").GetRawText());
        var flags = list.GetProperty("flags").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
        Assert.Equal(new[] { "invoices.write", "reports.export", "ops.read_only_mode", "checkout.layout", "search.max_results" }, flags.Keys);
        var invoices = flags["invoices.write"];
        Assert.Equal("Create and edit invoices; on for alice, the acme tenant and beta testers", invoices.GetProperty("description").GetString());
        Assert.Equal("billing-team", invoices.GetProperty("owner").GetString());
        Assert.Equal("release", invoices.GetProperty("kind").GetString());
        Assert.Equal("active", invoices.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, invoices.GetProperty("override").ValueKind);
        Assert.Equal("""{"value":true,"mode":"on","reason":"TargetingMatch","source":"flags.yaml"}""", invoices.GetProperty("effective").GetRawText());
        Assert.Equal("kill-switch", flags["ops.read_only_mode"].GetProperty("kind").GetString());
        Assert.Equal("""["classic","compact"]""", flags["checkout.layout"].GetProperty("variants").GetRawText());
        var search = flags["search.max_results"];
        Assert.Equal("""{"Value":"75"}""", search.GetProperty("override").GetRawText());
        Assert.Equal(1, search.GetProperty("revision").GetInt64());
        Assert.Equal("Ada", search.GetProperty("updatedBy").GetString());
        Assert.Equal(75, search.GetProperty("effective").GetProperty("value").GetInt32());
        Assert.StartsWith("store:sqlite:", search.GetProperty("effective").GetProperty("source").GetString());
    }

    [Fact]
    public void The_status_badge_follows_the_analyzers_rules_for_stale_after_lifetimes_and_expires()
    {
        // The admin reads today from the clock; here it is fixed so the cases sit on either side of each limit.
        var today = new DateTime(2026, 6, 30, 15, 0, 0, DateTimeKind.Utc);
        FlagDefinition Flag(string key, FlagKind kind = FlagKind.Release, DateTime? created = null, DateTime? expires = null, DateTime? launched = null, int? lifetimeDays = null, FlagScheduleStep[]? schedule = null) =>
            new(key, FlagValueKind.Bool, key, FlagValue.FromBool(false), "F_" + key.ToUpperInvariant(), kind: kind, created: created, expires: expires, launched: launched, lifetimeDays: lifetimeDays, schedule: schedule);
        var flags = new[]
        {
            Flag("recent", launched: today.AddDays(-10), created: today.AddDays(-20), lifetimeDays: 40),
            Flag("launched", launched: today.AddDays(-40), created: today.AddDays(-20), lifetimeDays: 400),
            Flag("settled", schedule: new[] { new FlagScheduleStep(new DateTimeOffset(today.AddDays(-31).Date), 100) }),
            Flag("ramping", schedule: new[] { new FlagScheduleStep(new DateTimeOffset(today.AddDays(-31).Date), 50) }),
            Flag("experiment", FlagKind.Experiment, created: today.AddDays(-60), lifetimeDays: 30),
            Flag("experiment.dated", FlagKind.Experiment, created: today.AddDays(-60), expires: today.AddDays(1), lifetimeDays: 30),
            Flag("switch", FlagKind.KillSwitch, created: today.AddDays(-600)),
            Flag("expired", expires: today.AddDays(-1)),
            Flag("expires.today", expires: today.Date),
        };
        var manifest = new FlagManifest(flags, Array.Empty<FlagPhase>(), staleAfterDays: 30);

        var statuses = flags.ToDictionary(f => f.Key, f => FlagAdminStatus.Of(manifest, f, today));

        Assert.Equal("active", statuses["recent"]);
        Assert.Equal("launched", statuses["launched"]);
        Assert.Equal("launched", statuses["settled"]);
        Assert.Equal("active", statuses["ramping"]);
        Assert.Equal("past-lifetime", statuses["experiment"]);
        Assert.Equal("active", statuses["experiment.dated"]);
        Assert.Equal("active", statuses["switch"]);
        Assert.Equal("expired", statuses["expired"]);
        Assert.Equal("active", statuses["expires.today"]);
    }

    [Fact]
    public async Task The_api_is_described_in_the_apps_OpenAPI_document_and_the_page_is_not()
    {
        var directory = Path.Combine(Path.GetTempPath(), "typedflags-openapi-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            // ASP.NET Core's own document generator (Microsoft.AspNetCore.OpenApi), as an app would add it.
            await using var app = await TestApp.StartAsync(
                a =>
                {
                    a.MapOpenApi();
                    a.MapFlagAdmin("/admin/flags", "Admins");
                },
                services =>
                {
                    services.AddOpenApi();
                    services.AddSqliteFlagStore(Path.Combine(directory, "flags.db"));
                });

            var document = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json")).RootElement;
            var paths = document.GetProperty("paths");
            var operations = paths.EnumerateObject()
                .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
                .ToList();

            Assert.Equal(11, operations.Count(o => o.Path.StartsWith("/admin/flags/api/", StringComparison.Ordinal)));
            Assert.DoesNotContain(operations, o => !o.Path.StartsWith("/admin/flags/api/", StringComparison.Ordinal));
            var get = operations.Single(o => o.Path == "/admin/flags/api/flags/{key}" && o.Method == "get").Operation;
            Assert.Equal("TypedFlagsAdminGet", get.GetProperty("operationId").GetString());
            Assert.Equal("TypedFlags admin", get.GetProperty("tags")[0].GetString());
            var put = operations.Single(o => o.Path == "/admin/flags/api/flags/{key}" && o.Method == "put").Operation;
            Assert.EndsWith("/FlagAdminBody", put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
            Assert.True(put.GetProperty("responses").TryGetProperty("412", out _));
            Assert.True(get.GetProperty("responses").TryGetProperty("404", out var notFound));
            Assert.True(notFound.GetProperty("content").TryGetProperty("application/problem+json", out _));
            Assert.All(operations, o => Assert.StartsWith("TypedFlagsAdmin", o.Operation.GetProperty("operationId").GetString(), StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("2029-12-31T23:00:00Z", "active")]
    [InlineData("2030-01-02T00:00:00Z", "expired")]
    public async Task The_badges_read_today_from_the_apps_TimeProvider(string now, string status)
    {
        await using var admin = await AdminApp.StartAsync(clock: new FixedClock(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

        var one = JsonDocument.Parse(await (await admin.SendAsync(HttpMethod.Get, Flags + "/reports.export")).Content.ReadAsStringAsync()).RootElement;
        var list = JsonDocument.Parse(await (await admin.SendAsync(HttpMethod.Get, Flags)).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(status, one.GetProperty("flag").GetProperty("status").GetString());
        Assert.Equal(status, list.GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "reports.export").GetProperty("status").GetString());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Every_change_is_applied_and_recorded_in_the_history_with_the_signed_in_actor_reason_before_and_after()
    {
        await using var admin = await AdminApp.StartAsync();
        var key = Flags + "/invoices.write";

        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Post, key + "/value", new { value = "off", reason = "pause" }, name: "Ada")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Post, key + "/rollout", new { rollout = "10%", reason = "canary" }, name: "Grace")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Put, key + "/targets/tenant:acme", new { value = "on", expires = "2030-01-31", reason = "pilot customer" }, name: "Linus")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Post, key + "/kill", new { reason = "incident 42" }, name: "Ada")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Delete, key + "/targets/tenant:acme", new { reason = "pilot over" }, name: "Grace")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Put, key, new { @override = new { Value = "on", Allow = new[] { "bob" } }, reason = "relaunch" }, name: "Linus")).StatusCode);
        var removed = await admin.SendAsync(HttpMethod.Delete, key, new { reason = "back to flags.yaml" }, name: "Ada");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal("\"7\"", removed.Headers.ETag?.Tag);

        var history = await admin.JsonAsync(HttpMethod.Get, "/admin/flags/api/history?key=invoices.write");
        var rows = history.GetProperty("entries").EnumerateArray()
            .Select(e => $"{e.GetProperty("revision")} {e.GetProperty("actor").GetString()} | {e.GetProperty("reason").GetString()} | {e.GetProperty("before").GetRawText()} -> {e.GetProperty("after").GetRawText()}")
            .ToArray();
        Assert.Equal(
            new[]
            {
                """7 Ada | back to flags.yaml | {"Value":"on","Allow":["bob"]} -> null""",
                """6 Linus | relaunch | {"State":"kill","Rollout":"10%"} -> {"Value":"on","Allow":["bob"]}""",
                """5 Grace | pilot over | {"State":"kill","Rollout":"10%","Targets":[{"Target":"tenant:acme","Value":"on","Expires":"2030-01-31"}]} -> {"State":"kill","Rollout":"10%"}""",
                """4 Ada | incident 42 | {"Value":"off","Rollout":"10%","Targets":[{"Target":"tenant:acme","Value":"on","Expires":"2030-01-31"}]} -> {"State":"kill","Rollout":"10%","Targets":[{"Target":"tenant:acme","Value":"on","Expires":"2030-01-31"}]}""",
                """3 Linus | pilot customer | {"Value":"off","Rollout":"10%"} -> {"Value":"off","Rollout":"10%","Targets":[{"Target":"tenant:acme","Value":"on","Expires":"2030-01-31"}]}""",
                """2 Grace | canary | {"Value":"off"} -> {"Value":"off","Rollout":"10%"}""",
                """1 Ada | pause | null -> {"Value":"off"}""",
            },
            rows);
    }

    [Fact]
    public async Task A_kill_turns_the_flag_off_for_everyone_at_once()
    {
        await using var admin = await AdminApp.StartAsync();

        var before = await admin.JsonAsync(HttpMethod.Get, Flags + "/invoices.write?user=alice");
        await admin.SendAsync(HttpMethod.Post, Flags + "/invoices.write/kill", new { reason = "incident" });
        var after = await admin.JsonAsync(HttpMethod.Get, Flags + "/invoices.write?user=alice");

        Assert.True(before.GetProperty("flag").GetProperty("effective").GetProperty("value").GetBoolean());
        Assert.False(after.GetProperty("flag").GetProperty("effective").GetProperty("value").GetBoolean());
        Assert.Equal("Killed", after.GetProperty("flag").GetProperty("effective").GetProperty("reason").GetString());
    }

    public static TheoryData<string, string, string, string, string> Invalid => new()
    {
        // method, path suffix, body, field, a part of the message
        { "POST", "/invoices.write/value", """{ "value": "on" }""", "Reason", "needs a reason" },
        { "POST", "/invoices.write/value", """{ "value": "on", "reason": "  " }""", "Reason", "needs a reason" },
        { "POST", "/invoices.write/value", """{ "value": "maybe", "reason": "r" }""", "Value", "'maybe'" },
        { "POST", "/invoices.write/value", """{ "reason": "r" }""", "value", "Send the new value" },
        { "POST", "/search.max_results/rollout", """{ "rollout": "25%", "reason": "r" }""", "Rollout", "search.max_results" },
        { "POST", "/invoices.write/rollout", """{ "rollout": "250%", "reason": "r" }""", "Rollout", "250%" },
        { "PUT", "/invoices.write/targets/bob", """{ "value": "on", "expires": "soon", "reason": "r" }""", "Targets:0:Expires", "soon" },
        { "PUT", "/invoices.write", """{ "override": { "Value": "on", "Colour": "red" }, "reason": "r" }""", "override", "Colour" },
        { "PUT", "/invoices.write", """{ "reason": "r" }""", "override", "DELETE" },
        { "POST", "/invoices.write/kill", """[ "reason" ]""", "body", "JSON object" },
        { "POST", "/invoices.write/kill", """{ "reason": """, "body", "not JSON" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_changes_get_400_problem_details_naming_the_field_and_write_nothing(string method, string suffix, string body, string field, string fragment)
    {
        await using var admin = await AdminApp.StartAsync();

        var response = await admin.SendAsync(new HttpMethod(method), Flags + suffix, body);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.Contains(fragment, Assert.Single(messages));
        Assert.Equal(0, admin.App.Services.GetRequiredService<FlagStore>().Current.Revision);
    }

    [Fact]
    public async Task An_undeclared_key_is_404_in_the_TF2001_wording_with_a_suggestion()
    {
        await using var admin = await AdminApp.StartAsync();

        var read = await admin.SendAsync(HttpMethod.Get, Flags + "/invoice.write");
        var write = await admin.SendAsync(HttpMethod.Post, Flags + "/invoice.write/kill", new { reason = "r" });

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Contains("invoices.write", await write.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_write_with_a_stale_If_Match_gets_412_and_one_with_the_current_ETag_succeeds()
    {
        await using var admin = await AdminApp.StartAsync();
        var read = await admin.SendAsync(HttpMethod.Get, Flags + "/invoices.write");
        var etag = read.Headers.ETag!.Tag;
        Assert.Equal("\"0\"", etag);

        var first = await admin.SendAsync(HttpMethod.Post, Flags + "/invoices.write/rollout", new { rollout = "10%", reason = "canary" }, name: "Ada", ifMatch: etag);
        var second = await admin.SendAsync(HttpMethod.Post, Flags + "/invoices.write/kill", new { reason = "incident" }, name: "Grace", ifMatch: etag);
        var problem = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        var retried = await admin.SendAsync(HttpMethod.Post, Flags + "/invoices.write/kill", new { reason = "incident" }, name: "Grace", ifMatch: first.Headers.ETag!.Tag);
        var garbage = await admin.SendAsync(HttpMethod.Post, Flags + "/invoices.write/kill", new { reason = "incident" }, ifMatch: "yesterday");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"1\"", first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Contains("current revision is 1", problem.GetProperty("detail").GetString());
        Assert.Equal(1, problem.GetProperty("revision").GetInt64());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        var history = await admin.JsonAsync(HttpMethod.Get, "/admin/flags/api/history");
        Assert.Equal(new[] { "incident", "canary" }, history.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("reason").GetString()).ToArray());
    }

    [Fact]
    public async Task A_write_that_loses_a_race_with_another_writer_gets_409_and_the_rivals_change_stays()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "typedflags-race-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "flags.db");
        await using var app = await TestApp.StartAsync(
            a => a.MapFlagAdmin("/admin/flags", "Admins"),
            services => services.AddFlagStore(sp => new RacingFlagStore(path, WebFlags.Manifest)));
        var store = (RacingFlagStore)app.Services.GetRequiredService<FlagStore>();
        store.Rival = FlagStoreWrite.Set("invoices.write", new FlagOverride { Value = "off" }, "Grace", "rival", baseRevision: 0);

        var request = new HttpRequestMessage(HttpMethod.Post, Flags + "/invoices.write/kill")
        {
            Content = new StringContent("""{ "reason": "incident" }""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Name", "Ada");
        request.Headers.Add("X-Roles", "admin");
        var response = await app.Client.SendAsync(request);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("current revision is 1", problem.GetProperty("detail").GetString());
        Assert.Equal(1, problem.GetProperty("revision").GetInt64());
        var history = await store.GetHistoryAsync();
        Assert.Equal("Grace", Assert.Single(history).Actor);
    }

    [Fact]
    public async Task The_revision_endpoint_follows_the_store_for_polling()
    {
        await using var admin = await AdminApp.StartAsync();

        var empty = await admin.JsonAsync(HttpMethod.Get, "/admin/flags/api/revision");
        await admin.SendAsync(HttpMethod.Post, Flags + "/ops.read_only_mode/value", new { value = "on", reason = "maintenance" });
        var changed = await admin.JsonAsync(HttpMethod.Get, "/admin/flags/api/revision");

        Assert.Equal(0, empty.GetProperty("revision").GetInt64());
        Assert.Equal(1, changed.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task The_endpoints_carry_OpenAPI_names_and_response_metadata()
    {
        await using var admin = await AdminApp.StartAsync();
        var sources = admin.App.Services.GetServices<Microsoft.AspNetCore.Routing.EndpointDataSource>();
        var endpoints = sources.SelectMany(s => s.Endpoints).Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>() is not null).ToList();

        var kill = endpoints.Single(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>()!.EndpointName == "TypedFlagsAdminKill");
        var statuses = kill.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToArray();

        Assert.Equal(13, endpoints.Count(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>()!.EndpointName.StartsWith("TypedFlagsAdmin", StringComparison.Ordinal)));
        Assert.Equal(new[] { 200, 400, 404, 409, 412 }, statuses);
        Assert.Contains("Admins", kill.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Select(a => a.Policy));
    }
}
