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

/// <summary>The caller as targeting context: user, tenant and roles from claims by default, or as configured.</summary>
public sealed class TargetingTests
{
    [Theory]
    [InlineData("alice", null, null, HttpStatusCode.OK)]              // allow: alice (the NameIdentifier claim)
    [InlineData("bob", "acme", null, HttpStatusCode.OK)]              // allow: tenant:acme (the tenant claim)
    [InlineData("bob", null, "staff, beta-testers", HttpStatusCode.OK)] // allow: group:beta-testers (a role)
    [InlineData("bob", "globex", "staff", HttpStatusCode.NotFound)]
    public async Task Gates_target_the_user_the_tenant_and_the_roles(string user, string? tenant, string? roles, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/invoices/new", () => "form").RequireFlag(WebFlags.Keys.InvoicesWrite));

        var response = await app.GetAsync("/invoices/new", user, tenant, roles);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_context_takes_NameIdentifier_else_Name_and_anonymous_callers_have_no_targeting_key()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/me", (HttpContext http) => Describe(http.GetFlagContext())));

        Assert.Equal("alice||admin,staff", await (await app.GetAsync("/me", user: "alice", name: "Alice A.", roles: "admin,staff")).Content.ReadAsStringAsync());
        Assert.Equal("Alice A.|acme|", await (await app.GetAsync("/me", name: "Alice A.", tenant: "acme")).Content.ReadAsStringAsync());
        Assert.Equal("||", await (await app.GetAsync("/me")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AddHttpFlagContext_gives_services_the_requests_caller_and_an_anonymous_one_outside_a_request()
    {
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/me", (IFlagContextAccessor caller) => Describe(caller.Current)),
            s => s.AddHttpFlagContext());

        Assert.Equal("alice|acme|staff", await (await app.GetAsync("/me", user: "alice", tenant: "acme", roles: "staff")).Content.ReadAsStringAsync());
        Assert.Equal("||", await (await app.GetAsync("/me")).Content.ReadAsStringAsync());
        Assert.Null(app.Services.GetRequiredService<IFlagContextAccessor>().Current.TargetingKey);
    }

    [Fact]
    public async Task The_tenant_claim_type_and_the_group_claim_type_are_configurable()
    {
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/me", (HttpContext http) => Describe(http.GetFlagContext())),
            s => s.Configure<FlagHttpOptions>(o =>
            {
                o.TenantClaimType = "org";
                o.GroupClaimType = "tenant";
            }));
        var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, "/me");
        request.Headers.Add("X-User", "alice");
        request.Headers.Add("X-Org", "initech");
        request.Headers.Add("X-Tenant", "acme");

        var response = await app.Client.SendAsync(request);

        Assert.Equal("alice|initech|acme", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_tenant_delegate_and_a_context_factory_replace_the_claims()
    {
        await using var byHeader = await TestApp.StartAsync(
            a => a.MapGet("/invoices/new", () => "form").RequireFlag(WebFlags.Keys.InvoicesWrite),
            s => s.Configure<FlagHttpOptions>(o => o.TenantResolver = http => http.Request.Headers["X-Tenant-Header"].ToString()));
        var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, "/invoices/new");
        request.Headers.Add("X-Tenant-Header", "acme");
        Assert.Equal(HttpStatusCode.OK, (await byHeader.Client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await byHeader.GetAsync("/invoices/new", user: "bob", tenant: "acme")).StatusCode);

        await using var byFactory = await TestApp.StartAsync(
            a => a.MapGet("/invoices/new", () => "form").RequireFlag(WebFlags.Keys.InvoicesWrite),
            s => s.Configure<FlagHttpOptions>(o => o.ContextFactory = http => new FlagContext { TargetingKey = http.Request.Query["as"] }));
        Assert.Equal(HttpStatusCode.OK, (await byFactory.Client.GetAsync("/invoices/new?as=alice")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await byFactory.GetAsync("/invoices/new", user: "alice")).StatusCode);
    }

    [Fact]
    public async Task Handlers_read_the_callers_typed_flags_from_one_view_per_request()
    {
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/home", (HttpContext http) =>
            {
                var flags = http.GetFlags<WebFlags>();
                return new
                {
                    write = flags.InvoicesWrite.IsEnabled,
                    shadow = flags.ReportsExport.IsShadow,
                    layout = flags.CheckoutLayout.Value.ToString(),
                    max = flags.SearchMaxResults.Value,
                    same = ReferenceEquals(flags, http.GetFlags<WebFlags>()),
                };
            }),
            configuration: new System.Collections.Generic.Dictionary<string, string?> { ["Flags:checkout.layout:Targets:tenant:acme"] = "compact" });

        var acme = await (await app.GetAsync("/home", user: "bob", tenant: "acme")).Content.ReadFromJsonAsync<JsonElement>();
        var globex = await (await app.GetAsync("/home", user: "bob", tenant: "globex")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("""{"write":true,"shadow":true,"layout":"Compact","max":50,"same":true}""", acme.GetRawText());
        Assert.Equal("""{"write":false,"shadow":true,"layout":"Classic","max":50,"same":true}""", globex.GetRawText());
        Assert.False(app.Services.GetRequiredService<WebFlags>().InvoicesWrite.IsEnabled);
    }

    [Fact]
    public async Task A_service_reads_the_callers_flags_through_the_http_context_accessor()
    {
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/invoices/can-write", (InvoicePolicy policy) => policy.CanWrite()),
            s => s.AddHttpContextAccessor().AddScoped<InvoicePolicy>());

        Assert.Equal("true", await (await app.GetAsync("/invoices/can-write", user: "bob", tenant: "acme")).Content.ReadAsStringAsync());
        Assert.Equal("false", await (await app.GetAsync("/invoices/can-write", user: "bob", tenant: "globex")).Content.ReadAsStringAsync());
    }

    private static string Describe(FlagContext context) =>
        context.TargetingKey + "|" + context.Tenant + "|" + string.Join(",", context.Groups ?? System.Array.Empty<string>());
}

/// <summary>A domain service that asks about the current caller without being handed a context.</summary>
public sealed class InvoicePolicy
{
    private readonly IHttpContextAccessor _accessor;

    public InvoicePolicy(IHttpContextAccessor accessor) => _accessor = accessor;

    public bool CanWrite() => _accessor.HttpContext!.GetFlags<WebFlags>().InvoicesWrite.IsEnabled;
}
