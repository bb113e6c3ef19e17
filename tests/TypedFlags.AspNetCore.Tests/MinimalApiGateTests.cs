using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TypedFlags.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.AspNetCore.Tests;

/// <summary><c>.RequireFlag(key)</c> on minimal-API endpoints and route groups: every outcome of the gate.</summary>
public sealed class MinimalApiGateTests
{
    [Fact]
    public async Task A_flag_that_is_off_for_the_caller_answers_404_by_default()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/invoices/new", () => "form").RequireFlag(WebFlags.Keys.InvoicesWrite));

        var anonymous = await app.GetAsync("/invoices/new");
        var bob = await app.GetAsync("/invoices/new", user: "bob");

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bob.StatusCode);
        Assert.Equal(string.Empty, await bob.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_flag_that_is_on_for_the_caller_reaches_the_handler()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/invoices/new", () => "form").RequireFlag(WebFlags.Keys.InvoicesWrite));

        var alice = await app.GetAsync("/invoices/new", user: "alice");

        Assert.Equal(HttpStatusCode.OK, alice.StatusCode);
        Assert.Equal("form", await alice.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Configured_for_problem_details_a_disabled_flag_answers_403_FEATURE_DISABLED()
    {
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/invoices/new", () => "form").RequireFlag(WebFlags.Keys.InvoicesWrite),
            s => s.Configure<FlagHttpOptions>(o => o.DisabledResponse = FlagDisabledResponse.ProblemDetails));

        var bob = await app.GetAsync("/invoices/new", user: "bob");

        Assert.Equal(HttpStatusCode.Forbidden, bob.StatusCode);
        Assert.Equal("application/problem+json", bob.Content.Headers.ContentType?.MediaType);
        var problem = await bob.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal("FEATURE_DISABLED", problem.GetProperty("code").GetString());
        Assert.Equal("invoices.write", problem.GetProperty("flag").GetString());
        Assert.Equal("Feature disabled", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_flag_in_shadow_mode_lets_the_request_through_and_marks_it_for_the_handler()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.MapGet("/reports/export", (HttpContext http) => http.IsShadow(WebFlags.Keys.ReportsExport) ? "dry run" : "real")
                .RequireFlag(WebFlags.Keys.ReportsExport);
            a.MapGet("/reports/ungated", (HttpContext http) => http.IsShadow(WebFlags.Keys.ReportsExport) ? "dry run" : "real");
        });

        var gated = await app.GetAsync("/reports/export", user: "bob");
        var ungated = await app.GetAsync("/reports/ungated", user: "bob");

        Assert.Equal(HttpStatusCode.OK, gated.StatusCode);
        Assert.Equal("dry run", await gated.Content.ReadAsStringAsync());
        Assert.Equal("real", await ungated.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_variant_or_int_flag_requires_the_named_value()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Flags:checkout.layout:Targets:alice"] = "compact",
            ["Flags:search.max_results:Targets:alice"] = "100",
        };
        await using var app = await TestApp.StartAsync(
            a =>
            {
                a.MapGet("/checkout/compact", () => "compact").RequireFlag(WebFlags.Keys.CheckoutLayout, "Compact");
                a.MapGet("/search/wide", () => "wide").RequireFlag(WebFlags.Keys.SearchMaxResults, "100");
            },
            configuration: configuration);

        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/checkout/compact", user: "alice")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/checkout/compact", user: "bob")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/search/wide", user: "alice")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/search/wide", user: "bob")).StatusCode);
    }

    [Fact]
    public async Task Requiring_off_closes_an_endpoint_while_a_kill_switch_is_on()
    {
        var configuration = new Dictionary<string, string?> { ["Flags:ops.read_only_mode:Targets:tenant:acme"] = "on" };
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/invoices/edit", () => "edit").RequireFlag(WebFlags.Keys.OpsReadOnlyMode, "off"),
            configuration: configuration);

        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/invoices/edit", user: "bob", tenant: "globex")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/invoices/edit", user: "bob", tenant: "acme")).StatusCode);
    }

    [Fact]
    public async Task A_route_group_gates_every_endpoint_in_it_and_nothing_outside()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            var invoices = a.MapGroup("/invoices").RequireFlag(WebFlags.Keys.InvoicesWrite);
            invoices.MapGet("/new", () => "new");
            invoices.MapPost("/", () => Results.Created("/invoices/1", null));
            a.MapGet("/health", () => "ok");
        });

        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/invoices/new", user: "bob")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.PostAsync("/invoices/", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/invoices/new", user: "alice")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Configuration_reloads_reach_the_gate_without_a_restart()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/invoices/new", () => "form").RequireFlag(WebFlags.Keys.InvoicesWrite));
        var configuration = (Microsoft.Extensions.Configuration.IConfigurationRoot)app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();

        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/invoices/new", user: "bob")).StatusCode);
        configuration["Flags:invoices.write"] = "on";
        configuration.Reload();

        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/invoices/new", user: "bob")).StatusCode);
    }

    [Fact]
    public async Task An_undeclared_key_fails_when_the_endpoint_is_built_and_names_the_key_and_the_registered_classes()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAndGetAsync(a => a.MapGet("/x", () => "x").RequireFlag(Undeclared())));

        Assert.Equal("RequireFlag(\"invoices.wirte\") names flag 'invoices.wirte', which no registered flags class declares. Registered: WebFlags.", error.Message);
    }

    [Fact]
    public async Task A_required_value_that_the_flag_cannot_have_fails_with_the_accepted_values()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => StartAndGetAsync(a => a.MapGet("/x", () => "x").RequireFlag(WebFlags.Keys.CheckoutLayout, "wide")));

        Assert.StartsWith("RequireFlag(\"checkout.layout\"): flag 'checkout.layout' is of type variant; 'wide' is not a value of it (one of classic, compact).", error.Message);
    }

    [Fact]
    public async Task A_non_bool_flag_without_a_required_value_fails()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => StartAndGetAsync(a => a.MapGet("/x", () => "x").RequireFlag(WebFlags.Keys.SearchMaxResults)));

        Assert.StartsWith("RequireFlag(\"search.max_results\"): flag 'search.max_results' is of type int; name the value the endpoint requires (an integer).", error.Message);
    }

    // The endpoint is built when the host starts (or at the latest on the first request): either way, before any caller is served.
    private static async Task StartAndGetAsync(Action<WebApplication> map)
    {
        await using var app = await TestApp.StartAsync(map);
        await app.GetAsync("/x");
    }

    // Not a literal: the analyzers would (rightly) report TF1001 at a misspelled literal in this project.
    private static string Undeclared() => string.Concat("invoices.", "wirte");
}
