using System.Collections.Generic;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using TypedFlags.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.AspNetCore.Tests;

/// <summary><c>MapFlagStatus(pattern)</c>: every flag for the caller, behind authorization unless opted out.</summary>
public sealed class StatusEndpointTests
{
    [Fact]
    public async Task Anonymous_callers_get_401_by_default()
    {
        await using var app = await TestApp.StartAsync(a => a.MapFlagStatus("/flags"));

        var response = await app.GetAsync("/flags");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Authenticated_callers_get_every_flag_with_value_mode_reason_and_source_for_themselves()
    {
        await using var app = await TestApp.StartAsync(
            a => a.MapFlagStatus("/flags"),
            configuration: new Dictionary<string, string?> { ["Flags:search.max_results"] = "75" });

        var response = await app.GetAsync("/flags", user: "alice", tenant: "acme", roles: "admin");
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("""{"targetingKey":"alice","tenant":"acme","groups":["admin"]}""", Compact(status.GetProperty("context")));
        var flags = status.GetProperty("flags");
        Assert.Equal(
            new[] { "invoices.write", "reports.export", "ops.read_only_mode", "checkout.layout", "search.max_results" },
            Names(flags));
        Assert.Equal("""{"type":"bool","value":true,"mode":"on","reason":"TargetingMatch","source":"flags.yaml"}""", Compact(flags.GetProperty("invoices.write")));
        Assert.Equal("""{"type":"bool","value":false,"mode":"shadow","reason":"Default","source":"flags.yaml"}""", Compact(flags.GetProperty("reports.export")));
        Assert.Equal("""{"type":"variant","value":"classic","mode":"on","reason":"Default","source":"flags.yaml"}""", Compact(flags.GetProperty("checkout.layout")));
        Assert.Equal("""{"type":"int","value":75,"mode":"on","reason":"Override","source":"config:Flags:search.max_results"}""", Compact(flags.GetProperty("search.max_results")));
    }

    [Fact]
    public async Task Anonymous_access_is_an_explicit_opt_out()
    {
        await using var app = await TestApp.StartAsync(a => a.MapFlagStatus("/flags").AllowAnonymous());

        var response = await app.GetAsync("/flags");
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"targetingKey":null,"tenant":null,"groups":[]}""", Compact(status.GetProperty("context")));
        Assert.False(status.GetProperty("flags").GetProperty("invoices.write").GetProperty("value").GetBoolean());
    }

    [Fact]
    public async Task A_named_policy_narrows_it_further()
    {
        await using var app = await TestApp.StartAsync(a => a.MapFlagStatus("/flags").RequireAuthorization("Admins"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("/flags")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.GetAsync("/flags", user: "bob", roles: "staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/flags", user: "bob", roles: "admin")).StatusCode);
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    private static List<string> Names(JsonElement element)
    {
        var names = new List<string>();
        foreach (var property in element.EnumerateObject())
        {
            names.Add(property.Name);
        }

        return names;
    }
}
