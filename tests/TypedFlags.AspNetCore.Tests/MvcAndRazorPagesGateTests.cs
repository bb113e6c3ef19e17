using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TypedFlags.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace TypedFlags.AspNetCore.Tests;

/// <summary><c>[RequireFlag]</c> on MVC controllers, actions and Razor Pages (see Controllers/ and Pages/).</summary>
public sealed class MvcAndRazorPagesGateTests
{
    [Theory]
    [InlineData("/mvc/invoices", "bob", HttpStatusCode.NotFound, null)]
    [InlineData("/mvc/invoices", "alice", HttpStatusCode.OK, "invoices")]
    [InlineData("/mvc/invoices/export", "bob", HttpStatusCode.NotFound, null)]       // the controller's gate comes first
    [InlineData("/mvc/invoices/export", "alice", HttpStatusCode.OK, "dry run")]    // then the action's shadow gate marks it
    [InlineData("/mvc/checkout/compact", "alice", HttpStatusCode.NotFound, null)]
    [InlineData("/mvc/checkout/classic", "alice", HttpStatusCode.OK, "classic")]
    public async Task Controllers_and_actions_are_gated_by_the_attribute(string path, string user, HttpStatusCode expected, string? body)
    {
        await using var app = await StartMvcAsync();

        var response = await app.GetAsync(path, user: user);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        if (body is not null)
        {
            Assert.Equal(body, text);
        }
        else
        {
            // [ApiController] dresses every 404 in its standard problem details, as it does NotFound(); the 404 of a
            // gate says no more than that one: nothing about the flag.
            Assert.Equal(404, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
            Assert.DoesNotContain("FEATURE_DISABLED", text);
            Assert.DoesNotContain("flag", text);
        }
    }

    [Fact]
    public async Task A_variant_action_opens_for_the_caller_with_the_required_variant()
    {
        await using var app = await StartMvcAsync(configuration: new System.Collections.Generic.Dictionary<string, string?>
        {
            ["Flags:checkout.layout:Targets:alice"] = "compact",
        });

        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/mvc/checkout/compact", user: "alice")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/mvc/checkout/compact", user: "bob")).StatusCode);
    }

    [Fact]
    public async Task Configured_for_problem_details_a_gated_action_answers_403_FEATURE_DISABLED()
    {
        await using var app = await StartMvcAsync(s => s.Configure<FlagHttpOptions>(o => o.DisabledResponse = FlagDisabledResponse.ProblemDetails));

        var response = await app.GetAsync("/mvc/invoices", user: "bob");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FEATURE_DISABLED", problem.GetProperty("code").GetString());
        Assert.Equal("invoices.write", problem.GetProperty("flag").GetString());
    }

    [Fact]
    public async Task A_razor_page_is_gated_by_the_attribute_on_its_page_model()
    {
        await using var app = await StartMvcAsync();

        var bob = await app.GetAsync("/beta", user: "bob");
        var alice = await app.GetAsync("/beta", user: "alice");

        Assert.Equal(HttpStatusCode.NotFound, bob.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alice.StatusCode);
        Assert.Equal("Beta for alice: export shadow", (await alice.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task A_razor_page_answers_403_problem_details_when_configured()
    {
        await using var app = await StartMvcAsync(s => s.Configure<FlagHttpOptions>(o => o.DisabledResponse = FlagDisabledResponse.ProblemDetails));

        var bob = await app.GetAsync("/beta", user: "bob");

        Assert.Equal(HttpStatusCode.Forbidden, bob.StatusCode);
        Assert.Equal("FEATURE_DISABLED", (await bob.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task RequireFlag_on_MapControllers_and_MapRazorPages_gates_every_controller_and_page()
    {
        var configuration = new System.Collections.Generic.Dictionary<string, string?> { ["Flags:ops.read_only_mode:Targets:tenant:acme"] = "on" };
        await using var app = await TestApp.StartAsync(
            a =>
            {
                // Razor Pages endpoints ignore endpoint filters; the gate must hold there too, not fail open.
                a.MapControllers().RequireFlag(WebFlags.Keys.OpsReadOnlyMode, "off");
                a.MapRazorPages().RequireFlag(WebFlags.Keys.OpsReadOnlyMode, "off");
            },
            s =>
            {
                s.AddControllers();
                s.AddRazorPages();
            },
            configuration);

        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/mvc/checkout/classic", user: "alice", tenant: "globex")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/mvc/checkout/classic", user: "alice", tenant: "acme")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/beta", user: "alice", tenant: "globex")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/beta", user: "alice", tenant: "acme")).StatusCode);
    }

    private static Task<TestApp> StartMvcAsync(
        System.Action<IServiceCollection>? configure = null,
        System.Collections.Generic.IDictionary<string, string?>? configuration = null) =>
        TestApp.StartAsync(
            a =>
            {
                a.MapControllers();
                a.MapRazorPages();
            },
            s =>
            {
                s.AddControllers();
                s.AddRazorPages();
                configure?.Invoke(s);
            },
            configuration);
}
