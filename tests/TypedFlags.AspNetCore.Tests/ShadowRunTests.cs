using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TypedFlags.AspNetCore.Tests.Infrastructure;
using TypedFlags.Tests.Shadow;
using Xunit;

namespace TypedFlags.AspNetCore.Tests;

/// <summary>
/// A request that a gate let through in shadow mode runs both paths for the caller and answers with the old one; the
/// observer registered with dependency injection gets the comparison. <c>reports.export</c> is in shadow for everyone,
/// <c>invoices.write</c> on for alice only.
/// </summary>
public sealed class ShadowRunTests
{
    [Fact]
    public async Task A_request_through_a_shadow_gate_runs_both_paths_and_answers_with_the_control()
    {
        var candidateSawShadow = new List<bool>();
        await using var app = await TestApp.StartAsync(
            // The return type is spelled out: an async lambda taking only HttpContext would otherwise bind to MapGet's
            // RequestDelegate overload, which discards the result (ASP.NET Core's ASP0016 pitfall).
            a => a.MapGet("/reports/export", async Task<string> (HttpContext http) => await http.RunFlagAsync(
                    WebFlags.Keys.ReportsExport,
                    control: () => new ValueTask<string>("csv v1"),
                    candidate: async run =>
                    {
                        candidateSawShadow.Add(run.IsShadow);
                        await Task.Yield();
                        return "csv v2";
                    }))
                .RequireFlag(WebFlags.Keys.ReportsExport),
            s => s.AddShadowRunObserver<ShadowRecorder>());

        var response = await app.GetAsync("/reports/export", user: "bob", tenant: "acme");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("csv v1", await response.Content.ReadAsStringAsync());
        Assert.Equal(new[] { true }, candidateSawShadow);
        var run = Assert.Single(Observer(app).Results);
        Assert.Equal((WebFlags.Keys.ReportsExport, ShadowOutcome.Mismatch, "bob", "acme"), (run.Key, run.Outcome, run.Context.TargetingKey, run.Context.Tenant));
        Assert.Equal(("csv v1", "csv v2"), (run.ControlValue, run.CandidateValue));
    }

    [Fact]
    public async Task A_caller_for_whom_the_flag_is_on_gets_the_candidate_and_one_for_whom_it_is_off_the_control()
    {
        await using var app = await TestApp.StartAsync(
            a =>
            {
                a.MapGet("/invoices/preview", (HttpContext http) => http.RunFlag(WebFlags.Keys.InvoicesWrite, () => "v1", run => run.IsShadow ? "dry" : "v2"))
                    .RequireFlag(WebFlags.Keys.InvoicesWrite);
                a.MapGet("/invoices/total", (HttpContext http) => http.GetFlags<WebFlags>().InvoicesWrite.Run(() => "v1", _ => "v2"));
            },
            s => s.AddShadowRunObserver<ShadowRecorder>());

        Assert.Equal("v2", await (await app.GetAsync("/invoices/preview", user: "alice")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/invoices/preview", user: "bob")).StatusCode);
        Assert.Equal("v2", await (await app.GetAsync("/invoices/total", user: "alice")).Content.ReadAsStringAsync());
        Assert.Equal("v1", await (await app.GetAsync("/invoices/total", user: "bob")).Content.ReadAsStringAsync());
        Assert.Empty(Observer(app).Results);
    }

    [Fact]
    public async Task A_key_that_is_not_a_registered_bool_flag_is_a_clear_error()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.MapGet("/unknown", (HttpContext http) => Message(() => http.RunFlag(Misspelled, () => 1, _ => 2)));
            a.MapGet("/int", (HttpContext http) => Message(() => http.RunFlag(WebFlags.Keys.SearchMaxResults, () => 1, _ => 2)));
        });

        Assert.Contains("'reports.exprot', which no registered flags class declares", await (await app.GetAsync("/unknown")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("'search.max_results', which is of type int", await (await app.GetAsync("/int")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // Built at run time: as a literal, TF1001 would (rightly) stop the build.
    private static readonly string Misspelled = string.Concat("reports.", "exprot");

    private static ShadowRecorder Observer(TestApp app) => app.Services.GetServices<IShadowRunObserver>().OfType<ShadowRecorder>().Single();

    private static string Message(Func<int> run)
    {
        try
        {
            return run().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }
}
