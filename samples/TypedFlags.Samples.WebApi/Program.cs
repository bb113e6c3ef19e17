using FieldOps.Api;
using FieldOps.Api.Domain;
using FieldOps.Api.Security;
using System;
using System.IO;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TypedFlags;
using TypedFlags.AspNetCore;
using TypedFlags.Store.Sqlite;

var builder = WebApplication.CreateBuilder(args);

// Demo sign-in from request headers (see Security/DemoAuthenticationHandler.cs). A real deployment uses JwtBearer or
// cookies; TypedFlags reads the same claims either way. In Development a browser can also sign in with a cookie at
// /dev/signin (Security/DevelopmentSignIn.cs) to use the flag admin page.
var development = builder.Environment.IsDevelopment();
builder.Services.AddAuthentication("DemoOrCookie")
    .AddScheme<AuthenticationSchemeOptions, DemoAuthenticationHandler>(DemoAuthenticationHandler.SchemeName, null)
    .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o => o.LoginPath = DevelopmentSignIn.Path)
    .AddPolicyScheme("DemoOrCookie", "X-Demo-* headers, else the development cookie", o => o.ForwardDefaultSelector = http =>
        development && !http.Request.Headers.ContainsKey("X-Demo-User")
            && (http.Request.Cookies.ContainsKey(CookieAuthenticationDefaults.CookiePrefix + CookieAuthenticationDefaults.AuthenticationScheme)
                || http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
            ? CookieAuthenticationDefaults.AuthenticationScheme
            : DemoAuthenticationHandler.SchemeName);

// Who may operate flags: the admin page and API require this policy (MapFlagAdmin has no anonymous default).
builder.Services.AddAuthorization(o => o.AddPolicy("FlagAdmins", p => p.RequireRole("flag-admin")));
builder.Services.AddProblemDetails();

// The flags class generated from flags.yaml, with overrides from appsettings*.json and FIELDOPS_* variables. The caller
// (user id, tenant claim, roles) is the targeting context of every gate: no code for that.
builder.Services.AddTypedFlags<AppFlags>();

// Runtime overrides in a SQLite file, above appsettings and environment variables: what the admin page changes.
builder.Services.AddSqliteFlagStore(builder.Configuration["FlagStore:Path"] ?? Path.Combine(builder.Environment.ContentRootPath, "flags.db"));

// API clients tell a switched-off feature from a missing route: 403 problem details with code FEATURE_DISABLED.
builder.Services.Configure<FlagHttpOptions>(o => o.DisabledResponse = FlagDisabledResponse.ProblemDetails);

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/", () => "FieldOps API");

var invoices = app.MapGroup("/invoices");
invoices.MapGet("/", () => Invoices.Sample);
invoices.MapPost("/", (InvoiceDraft draft, HttpContext http) => Results.Created("/invoices/1001", Invoices.Create(draft, http.GetFlagContext())))
    .RequireFlag(AppFlags.Keys.InvoicesWrite)
    .RequireFlag(AppFlags.Keys.OpsReadOnlyMode, "off");

// A whole route group behind one flag, targeted by tenant (bucket_by: tenant) and role (group:beta-testers).
var approval = app.MapGroup("/estimates/{id:int}/approval").RequireFlag(AppFlags.Keys.EstimatesApproval);
approval.MapGet("/", (int id) => new { estimate = id, status = "awaiting customer" });
approval.MapPost("/", (int id, HttpContext http) => new { estimate = id, approvedBy = http.GetFlagContext().TargetingKey })
    .RequireFlag(AppFlags.Keys.OpsReadOnlyMode, "off");

// A shadow flag read in the handler: v1 answers, v2 plans the same jobs in the background and mismatches are logged.
app.MapGet("/jobs/schedule", (HttpContext http, ILogger<JobScheduler> logger) =>
{
    var scheduling = http.GetFlags<AppFlags>().JobsSchedulingV2;
    if (scheduling.IsEnabled)
    {
        return JobScheduler.PlanV2();
    }

    var plan = JobScheduler.PlanV1();
    if (scheduling.IsShadow)
    {
        JobScheduler.Compare(plan, JobScheduler.PlanV2(), logger);
    }

    return plan;
});

// A variant flag with a required value: the map board exists only for callers on the map layout.
app.MapGet("/jobs/board/map", () => new { layout = "map", pins = 12 })
    .RequireFlag(AppFlags.Keys.JobsBoardLayout, "map");

// Every flag for the caller, with value, mode, reason and source. Signed-in callers only.
app.MapFlagStatus("/flags");

// The flag admin page and its JSON API, for callers with the FlagAdmins policy. Every change is audited with the
// signed-in user and a reason.
app.MapFlagAdmin("/admin/flags", "FlagAdmins");
if (development)
{
    DevelopmentSignIn.Map(app);
}

app.Run();
