using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.AspNetCore;
using TypedFlags.AspNetCore;

namespace TypedFlags.Benchmarks;

/// <summary>
/// The cost of gating one minimal-API endpoint: TypedFlags.AspNetCore's <c>RequireFlag</c> next to
/// Microsoft.FeatureManagement.AspNetCore 4.7.0's <c>WithFeatureGate</c> (its <c>FeatureGate</c> endpoint filter), on the
/// same handler in the same app and run, against the same handler without a gate. Each request is the endpoint's real
/// <see cref="RequestDelegate"/> (parameter binding, filters, result writing) invoked on a new <see cref="DefaultHttpContext"/>
/// with its own service scope, as the server would; no sockets, so the gates are not lost in transport noise. Callers
/// rotate through 1,024 signed-in users.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 12)]
public class GateBenchmarks
{
    private readonly ClaimsPrincipal[] _users = new ClaimsPrincipal[1024];
    private readonly Dictionary<string, RequestDelegate> _endpoints = new();
    private WebApplication _app = null!;
    private IServiceScopeFactory _scopes = null!;
    private IHttpContextAccessor _accessor = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _users.Length; i++)
        {
            var id = "user-" + (i * 7919).ToString(CultureInfo.InvariantCulture);
            _users[i] = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, id) }, "bench"));
        }

        var builder = WebApplication.CreateSlimBuilder();

        // No log output: a console logger's "404" line would be timed as part of the disabled answers.
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FeatureManagement:plain"] = "true",
            ["FeatureManagement:targeted:EnabledFor:0:Name"] = "Microsoft.Targeting",
            ["FeatureManagement:targeted:EnabledFor:0:Parameters:Audience:DefaultRolloutPercentage"] = "50",
        });
        builder.Services.AddTypedFlags<BenchmarkFlags>(o => o.EnvironmentVariables = false);
        builder.Services.AddFeatureManagement().WithTargeting();   // the caller from HttpContext.User, as TypedFlags does
        _app = builder.Build();

        _app.MapGet("/none", Handler);
        _app.MapGet("/typedflags/plain", Handler).RequireFlag(BenchmarkFlags.Keys.Plain);
        _app.MapGet("/typedflags/targeted", Handler).RequireFlag(BenchmarkFlags.Keys.Targeted);
        _app.MapGet("/featuremanagement/plain", Handler).WithFeatureGate("plain");
        _app.MapGet("/featuremanagement/targeted", Handler).WithFeatureGate("targeted");
        foreach (var endpoint in ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
        {
            _endpoints[endpoint.RoutePattern.RawText!] = endpoint.RequestDelegate!;
        }

        _scopes = _app.Services.GetRequiredService<IServiceScopeFactory>();
        _accessor = _app.Services.GetRequiredService<IHttpContextAccessor>();
        Verify();
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "no gate")]
    public Task<int> NoGate() => Send("/none");

    [Benchmark(Description = "TypedFlags RequireFlag: flag on")]
    public Task<int> TypedFlagsPlain() => Send("/typedflags/plain");

    [Benchmark(Description = "FeatureManagement WithFeatureGate: flag on")]
    public Task<int> FeatureManagementPlain() => Send("/featuremanagement/plain");

    [Benchmark(Description = "TypedFlags RequireFlag: 50% of users")]
    public Task<int> TypedFlagsTargeted() => Send("/typedflags/targeted");

    [Benchmark(Description = "FeatureManagement WithFeatureGate: targeting 50%")]
    public Task<int> FeatureManagementTargeted() => Send("/featuremanagement/targeted");

    private static string Handler() => "ok";

    /// <summary>One request to <paramref name="path"/> as the next user; the status code it got.</summary>
    private async Task<int> Send(string path)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = _users[_next++ & 1023] };
        context.Response.Body = Stream.Null;
        _accessor.HttpContext = context;
        await _endpoints[path](context);
        return context.Response.StatusCode;
    }

    /// <summary>Both gates must let the flag that is on through and about half of the users through the 50% one.</summary>
    private void Verify()
    {
        var passed = new Dictionary<string, int>();
        foreach (var path in _endpoints.Keys)
        {
            passed[path] = 0;
            for (var i = 0; i < _users.Length; i++)
            {
                passed[path] += Send(path).GetAwaiter().GetResult() == 200 ? 1 : 0;
            }
        }

        if (passed["/none"] != 1024 || passed["/typedflags/plain"] != 1024 || passed["/featuremanagement/plain"] != 1024
            || passed["/typedflags/targeted"] is < 400 or > 624 || passed["/featuremanagement/targeted"] is < 400 or > 624)
        {
            throw new InvalidOperationException("Benchmark setup is wrong: " + string.Join(", ", passed.Select(p => $"{p.Key} {p.Value}/1024")));
        }
    }
}
